import "server-only";
import type { Member } from "@/lib/auth/session";
import type { Db } from "@/lib/db/client";
import { rangeText, storageRuleOf } from "@/lib/products";
import { excursionSentence } from "./alert-notice";

/** An excursion alert as the homes and the lot page list it. */
export type ColdChainAlertView = {
  id: string;
  lotId: string;
  lotCode: string;
  startedAt: Date;
  endedAt: Date | null;
  minutesOutside: number;
  worstMilliCelsius: number;
  /** "Outside 0 to 5 °C for 47 min (worst 14.2 °C)."; when it began is `startedAt`. */
  sentence: string;
  /** The lot is on its way to the member: the alert is its sender's to acknowledge, shown to read. */
  isIncoming: boolean;
};

/**
 * The member's organisation's alerts not acknowledged yet (latched: they stay until someone writes
 * what was done), and the excursions of lots on their way to it, whose recipient decides whether to
 * take them. Newest first; `lotId` narrows them to one lot.
 */
export async function findOpenColdChainAlerts({
  db,
  member,
  lotId,
}: {
  db: Db;
  member: Pick<Member, "organization">;
  lotId?: string;
}): Promise<ColdChainAlertView[]> {
  const me = member.organization;
  const incoming = await db.lot.findMany({
    where: { recipient: me.chainAddress, status: "IN_TRANSIT", ...(lotId ? { id: lotId } : {}) },
    select: { id: true },
  });
  const incomingIds = new Set(incoming.map((lot) => lot.id));
  const rows = await db.coldChainAlert.findMany({
    where: {
      OR: [
        { organizationId: me.id, acknowledgedAt: null, ...(lotId ? { lotId } : {}) },
        { lotId: { in: [...incomingIds] } },
      ],
    },
    orderBy: [{ startedAt: "desc" }, { organizationId: "asc" }],
  });
  // An incoming lot's excursion is listed once, however many organisations were alerted.
  const own = rows.filter((row) => row.organizationId === me.id);
  const seen = new Set(own.map((row) => `${row.lotId} ${row.startedAt.getTime()}`));
  const others = rows.filter((row) => {
    const key = `${row.lotId} ${row.startedAt.getTime()}`;
    if (row.organizationId === me.id || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const lots = await db.lot.findMany({
    where: { id: { in: [...new Set(rows.map((row) => row.lotId))] } },
    select: { id: true, chainId: true, gtin: true, lotCode: true },
  });
  const views: ColdChainAlertView[] = [];
  for (const row of [...own, ...others].sort((a, b) => +b.startedAt - +a.startedAt)) {
    const lot = lots.find((l) => l.id === row.lotId);
    if (!lot) continue;
    const rule = await storageRuleOf(db, lot);
    views.push({
      id: row.id,
      lotId: row.lotId,
      lotCode: lot.lotCode,
      startedAt: row.startedAt,
      endedAt: row.endedAt,
      minutesOutside: row.minutesOutside,
      worstMilliCelsius: row.worstMilliCelsius,
      sentence: excursionSentence(
        {
          excursion: row,
          range: rule ? rangeText(rule) : "its storage range",
          deviceName: null,
          custodianName: null,
        },
        { withStart: false },
      ),
      isIncoming: row.organizationId !== me.id && incomingIds.has(row.lotId),
    });
  }
  return views;
}
