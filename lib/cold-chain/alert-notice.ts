import type { Db, Tx } from "@/lib/db/client";
import { celsiusOf } from "@/lib/products";
import { utcText } from "./custody-window";
import type { ExcursionRun } from "./excursions";

/**
 * A notice the recall notifier delivers as it is (its PlainNoticeMessage: webhook body, email text);
 * written here by shape, so the cold chain does not import the recall domain.
 */
type PlainNotice = {
  type: "coldchain.excursion";
  url: string;
  subject: string;
  recipient: { name: string; gln: string };
  text: string;
};

/** What a cold-chain alert's notice names. */
export type AlertFacts = {
  alertId: string;
  lot: { id: string; gtin: string; lotCode: string };
  excursion: ExcursionRun;
  range: string;
  deviceName: string | null;
  /** Who held the lot when it began; null leaves it unsaid. */
  custodianName: string | null;
  recipient: { id: string; name: string; gln: string };
};

/** The excursion in one sentence, as the pages and the notice say it. */
export function excursionSentence(
  facts: Pick<AlertFacts, "excursion" | "range" | "deviceName" | "custodianName">,
  /** Whether to say when it began, in UTC (a notice); a page says it in the reader's own time. */
  { withStart = true }: { withStart?: boolean } = {},
): string {
  const { excursion } = facts;
  const from = withStart ? ` from ${utcText(excursion.startedAt)}` : "";
  const span = excursion.endedAt ? "" : " and still is at its latest reading";
  const by = facts.deviceName ? `, measured by ${facts.deviceName},` : "";
  return `Outside ${facts.range} for ${Math.round(excursion.minutesOutside)} min${from}${span} (worst ${celsiusOf(excursion.worstMilliCelsius)} °C)${by}${facts.custodianName ? ` while ${facts.custodianName} held it` : ""}.`;
}

/** Queues the alert's notice to its organisation (webhook or email, lib/recall's notifier). */
export async function queueAlertNotice(
  tx: Db | Tx,
  facts: AlertFacts,
  appUrl: string,
): Promise<void> {
  const url = `${appUrl.replace(/\/+$/, "")}/lots/${facts.lot.id}`;
  const message: PlainNotice & { alertId: string; lot: AlertFacts["lot"] } = {
    type: "coldchain.excursion",
    alertId: facts.alertId,
    lot: facts.lot,
    url,
    subject: `Cold-chain excursion: lot ${facts.lot.lotCode}`,
    recipient: { name: facts.recipient.name, gln: facts.recipient.gln },
    text: [
      `Lot ${facts.lot.lotCode} (GTIN ${facts.lot.gtin}) left its storage range.`,
      excursionSentence(facts),
      `Check the goods, then acknowledge the alert with a comment at ${url}.`,
    ].join("\n"),
  };
  await tx.notification.create({
    data: { coldChainAlertId: facts.alertId, organizationId: facts.recipient.id, payload: message },
  });
}
