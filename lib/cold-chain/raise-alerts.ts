import "server-only";
import type { Db, Tx } from "@/lib/db/client";
import { appEnvSchema } from "@/lib/env";
import { rangeText, storageRuleOf } from "@/lib/products";
import { queueAlertNotice } from "./alert-notice";
import { type CustodyEvent, findCustodyEvents } from "./custody-window";
import { type ExcursionRun, findExcursions } from "./excursions";

/**
 * Raises one ColdChainAlert per excursion of the lot's readings (a run outside its storage rule,
 * longer than the rule allows) for each organisation that must hear of it: the lot's custodian when
 * it began, and its producer. Keyed by the excursion's first reading, so a batch that extends a
 * running excursion updates its alert; a new alert's notice is queued once, with it. Call it in the
 * transaction that stores readings. Returns how many alerts are new.
 */
export async function raiseColdChainAlerts({
  db,
  lotId,
  appUrl = appEnvSchema.shape.APP_URL.parse(process.env.APP_URL),
}: {
  db: Db | Tx;
  lotId: string;
  appUrl?: string;
}): Promise<{ raised: number }> {
  const lot = await db.lot.findUnique({
    where: { id: lotId },
    select: { id: true, chainId: true, gtin: true, lotCode: true, producer: true },
  });
  const rule = lot && (await storageRuleOf(db, lot));
  if (!lot || !rule) return { raised: 0 };
  const rows = await db.temperatureReading.findMany({
    where: { lotId },
    orderBy: { takenAt: "asc" },
    select: { takenAt: true, celsius: true, deviceId: true },
  });
  const readings = rows.map((r) => ({
    takenAt: r.takenAt,
    milliCelsius: Math.round(Number(r.celsius) * 1000),
  }));
  const excursions = findExcursions(readings, rule).filter(
    (run) => run.minutesOutside > rule.allowedExcursionMinutes,
  );
  if (excursions.length === 0) return { raised: 0 };
  const custody = await findCustodyEvents(db, lotId);
  const organizations = await db.organization.findMany({
    select: { id: true, name: true, gln: true, chainAddress: true },
  });
  const byAddress = new Map(organizations.map((o) => [o.chainAddress, o]));
  let raised = 0;
  for (const excursion of excursions) {
    const custodian = byAddress.get(custodianAt(custody, excursion.startedAt) ?? "");
    const recipients = new Set([custodian, byAddress.get(lot.producer ?? "")].filter((o) => !!o));
    const deviceId = rows.find(
      (r) => r.takenAt.getTime() === excursion.startedAt.getTime(),
    )?.deviceId;
    const device = deviceId
      ? await db.device.findUnique({ where: { id: deviceId }, select: { name: true } })
      : null;
    for (const recipient of recipients) {
      const alertId = await upsertAlert(db, lotId, recipient.id, excursion);
      if (!alertId) continue;
      raised++;
      await queueAlertNotice(
        db,
        {
          alertId,
          lot,
          excursion,
          range: rangeText(rule),
          deviceName: device?.name ?? null,
          custodianName: custodian?.name ?? null,
          recipient,
        },
        appUrl,
      );
    }
  }
  return { raised };
}

/** Creates the alert, returning its id, or updates the one already raised and returns null. */
async function upsertAlert(
  db: Db | Tx,
  lotId: string,
  organizationId: string,
  excursion: ExcursionRun,
): Promise<string | null> {
  const data = {
    endedAt: excursion.endedAt,
    worstMilliCelsius: excursion.worstMilliCelsius,
    minutesOutside: Math.round(excursion.minutesOutside),
  };
  const key = { lotId, organizationId, startedAt: excursion.startedAt };
  // createMany skips a duplicate instead of failing the caller's transaction on a race.
  const { count } = await db.coldChainAlert.createMany({
    data: [{ ...key, ...data }],
    skipDuplicates: true,
  });
  const alert = await db.coldChainAlert.findUniqueOrThrow({
    where: { lotId_organizationId_startedAt: key },
    select: { id: true },
  });
  if (count === 1) return alert.id;
  await db.coldChainAlert.update({ where: { id: alert.id }, data });
  return null;
}

/** Who held the lot at that moment, by its custody changes (creation, accepted handoffs). */
function custodianAt(events: readonly CustodyEvent[], at: Date): string | null {
  let custodian: string | null = null;
  for (const event of events) {
    if (event.at > at && custodian !== null) break;
    if (["LotCreated", "LotDerived", "LotReceived"].includes(event.name)) {
      custodian = String(event.args.custodian ?? event.actor);
    } else if (event.name === "LotHandoffAccepted") {
      custodian = event.actor;
    }
  }
  return custodian;
}
