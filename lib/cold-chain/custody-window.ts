import "server-only";
import { findStoredPayloads } from "@/lib/chain/payload";
import type { Db, Tx } from "@/lib/db/client";

/** A stretch of a lot's journey; `to` null = until now. */
export type Interval = { from: Date; to: Date | null };

/** A custody change of a lot, as the ledger records it, at the time it happened. */
export type CustodyEvent = {
  name: string;
  actor: string;
  args: Record<string, unknown>;
  at: Date;
};

/**
 * The stretches of the lot's journey when `party` (a chain address) was responsible for it: from
 * the lot's creation or the shipment to it, while it held the lot or it was on its way to or from
 * it, until its shipment was accepted elsewhere, rejected, or the lot was used up.
 */
export function custodyWindows(events: readonly CustodyEvent[], party: string): Interval[] {
  const windows: Interval[] = [];
  const open = (at: Date) => {
    const last = windows.at(-1);
    if (!last || last.to !== null) windows.push({ from: at, to: null });
  };
  const close = (at: Date) => {
    const last = windows.at(-1);
    if (last && last.to === null) last.to = at;
  };
  let custodian: string | null = null;
  let recipient: string | null = null;
  for (const event of events) {
    switch (event.name) {
      case "LotCreated":
      case "LotDerived":
      case "LotReceived":
        custodian = String(event.args.custodian ?? event.actor);
        if (custodian === party) open(event.at);
        break;
      case "LotHandedOff":
        recipient = String(event.args.recipient ?? "");
        if (recipient === party) open(event.at);
        break;
      case "LotHandoffAccepted":
        if (custodian === party && event.actor !== party) close(event.at);
        custodian = event.actor;
        recipient = null;
        break;
      case "LotHandoffRejected":
      case "LotHandoffCancelled":
        if (recipient === party) close(event.at);
        recipient = null;
        break;
      case "LotConsumed":
        close(event.at);
        custodian = recipient = null;
        break;
    }
  }
  return windows;
}

const CUSTODY_EVENTS = [
  "LotCreated",
  "LotReceived",
  "LotDerived",
  "LotHandedOff",
  "LotHandoffAccepted",
  "LotHandoffRejected",
  "LotHandoffCancelled",
  "LotConsumed",
];

/**
 * The lot's custody changes, oldest first, each at the time its verified payload says it happened
 * (a harvest entered in the evening began in the morning), else when the ledger recorded it.
 */
export async function findCustodyEvents(db: Db | Tx, lotId: string): Promise<CustodyEvent[]> {
  const [events, organizations] = await Promise.all([
    db.ledgerEvent.findMany({
      where: { lotId, name: { in: CUSTODY_EVENTS } },
      orderBy: [{ blockNumber: "asc" }, { txIndex: "asc" }, { logIndex: "asc" }],
      select: {
        name: true,
        actor: true,
        args: true,
        payloadHash: true,
        lotId: true,
        createdAt: true,
      },
    }),
    db.organization.findMany({ select: { chainAddress: true, gln: true } }),
  ]);
  const payloads = await findStoredPayloads(
    db,
    events.map((e) => e.payloadHash),
  );
  const glns = new Map(organizations.map((o) => [o.chainAddress, o.gln]));
  return events.map((event) => {
    const body = event.payloadHash ? payloads.bodies.get(event.payloadHash) : null;
    const stated = payloads.isVerified(event, glns.get(event.actor) ?? null)
      ? Date.parse(String((body as { eventTime?: unknown }).eventTime))
      : Number.NaN;
    return {
      name: event.name,
      actor: event.actor,
      args: event.args as Record<string, unknown>,
      at: Number.isNaN(stated) ? event.createdAt : new Date(stated),
    };
  });
}

/** Whether an instant falls inside one of the windows (`now` ends an open one). */
export function isWithin(windows: readonly Interval[], at: Date, now: Date): boolean {
  return windows.some((w) => w.from <= at && at <= (w.to ?? now));
}

const UTC_TIME = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "UTC",
});

/** "2 Dec 2026, 04:30 UTC": a time every holder along the chain reads the same. */
export const utcText = (at: Date) => `${UTC_TIME.format(at)} UTC`;

/** "from 1 Dec 2026, 08:00 UTC to 2 Dec 2026, 04:30 UTC and from … until now". */
export function windowsText(windows: readonly Interval[]): string {
  if (windows.length === 0) return "never";
  return windows
    .map((w) => `from ${utcText(w.from)} ${w.to ? `to ${utcText(w.to)}` : "until now"}`)
    .join(" and ");
}
