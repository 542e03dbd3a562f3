import "server-only";
import type { Db } from "@/lib/db/client";
import { custodyWindows, findCustodyEvents, type Interval } from "./custody-window";

/** Readings further apart than this leave the time between them unmeasured. */
export const MAX_READING_GAP_MINUTES = 60;

/** A stretch of the journey, with who was responsible for the lot then (holder or recipient). */
export type JourneyStretch = { from: Date; to: Date; holders: string[] };

export type ColdChainSummary = {
  /** From the lot's creation to when it was used up, or to `now`. */
  journey: { from: Date; to: Date };
  /** The lot is not used up: the journey goes on after `journey.to` (now). */
  isOngoing: boolean;
  /** Stretches covered by anchored readings no more than MAX_READING_GAP_MINUTES apart. */
  measured: JourneyStretch[];
  /** The rest of the journey: nobody recorded a temperature then. */
  unmeasured: JourneyStretch[];
  measuredMinutes: number;
  unmeasuredMinutes: number;
};

/**
 * Which hours of a lot's journey its cold chain covers and which it does not, for the staff lot page
 * and the consumer page: a cold chain that shows only its measured hours says nothing of the others.
 * Null for a lot the ledger has no creation of.
 */
export async function coldChainSummary({
  db,
  lotId,
  now = new Date(),
}: {
  db: Db;
  lotId: string;
  now?: Date;
}): Promise<ColdChainSummary | null> {
  const events = await findCustodyEvents(db, lotId);
  const first = events[0];
  if (!first) return null;
  const consumed = events.find((e) => e.name === "LotConsumed");
  const end = consumed?.at ?? now;
  const journey = { from: first.at, to: end };
  const times = await anchoredReadingTimes(db, lotId);
  const measured: Interval[] = [];
  for (const at of times) {
    if (at < journey.from || at > journey.to) continue;
    const last = measured.at(-1);
    if (last?.to && at.getTime() - last.to.getTime() <= MAX_READING_GAP_MINUTES * 60_000) {
      last.to = at;
    } else measured.push({ from: at, to: at });
  }
  const unmeasured: Interval[] = [];
  let cursor = journey.from;
  for (const stretch of measured) {
    if (stretch.from > cursor) unmeasured.push({ from: cursor, to: stretch.from });
    cursor = stretch.to ?? cursor;
  }
  if (journey.to > cursor) unmeasured.push({ from: cursor, to: journey.to });
  const holdersOf = await holdersDuring(db, events, now);
  const described = (list: Interval[]) =>
    list.map((i) => ({ from: i.from, to: i.to ?? end, holders: holdersOf(i) }));
  const minutes = (list: Interval[]) =>
    list.reduce((sum, i) => sum + ((i.to ?? end).getTime() - i.from.getTime()) / 60_000, 0);
  return {
    journey,
    isOngoing: !consumed,
    measured: described(measured),
    unmeasured: described(unmeasured),
    measuredMinutes: minutes(measured),
    unmeasuredMinutes: minutes(unmeasured),
  };
}

/** The times of the lot's readings in batches the ledger anchored, in order. */
async function anchoredReadingTimes(db: Db, lotId: string): Promise<Date[]> {
  const anchored = await db.ledgerEvent.findMany({
    where: { lotId, name: "LotReadingsAnchored" },
    select: { txHash: true },
  });
  if (anchored.length === 0) return [];
  const writes = await db.ledgerTransaction.findMany({
    where: { lotId, txHash: { in: anchored.map((e) => e.txHash) } },
    select: { id: true },
  });
  const rows = await db.temperatureReading.findMany({
    where: { lotId, ledgerTransactionId: { in: writes.map((w) => w.id) } },
    orderBy: { takenAt: "asc" },
    select: { takenAt: true },
  });
  return rows.map((row) => row.takenAt);
}

/** Who held the lot, or had it on its way to them, at some time in an interval. */
async function holdersDuring(
  db: Db,
  events: Awaited<ReturnType<typeof findCustodyEvents>>,
  now: Date,
) {
  const parties = new Set(
    events.flatMap((e) => [
      e.actor,
      String(e.args.custodian ?? ""),
      String(e.args.recipient ?? ""),
    ]),
  );
  parties.delete("");
  const organizations = await db.organization.findMany({
    where: { chainAddress: { in: [...parties] } },
    select: { chainAddress: true, name: true },
  });
  const names = new Map(organizations.map((o) => [o.chainAddress, o.name]));
  // In the order they came to the lot.
  const windows = [...parties].flatMap((party) => {
    const name = names.get(party);
    return name ? [{ name, windows: custodyWindows(events, party) }] : [];
  });
  return (interval: Interval) =>
    windows
      .filter((party) =>
        party.windows.some((w) => w.from < (interval.to ?? now) && (w.to ?? now) > interval.from),
      )
      .map((party) => party.name);
}
