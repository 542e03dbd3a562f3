import "server-only";
import type { Db } from "@/lib/db/client";
import { documentTypeLabel } from "@/lib/epcis/kde";
import { shipmentPartiesOf } from "@/lib/epcis/shipment";

/** What a lot travelled in at one ledger event: the pallet it was on, the shipment it was in. */
export type Travel = {
  /** The SSCC of the logistic unit it was packed on, taken off or shipped on. */
  sscc: string | null;
  /** The shipment's reference document, "Bill of lading BOL-778", else its number on the chain. */
  shipment: string | null;
};

type TravelEvent = { id: string; lotId: string; chainId: number; args: unknown };

/**
 * The pallet and shipment of each event of a lot's trail that moved it in one: the indexer names
 * them on the lot's rows of a batch log (`args.sscc` of LogisticUnitPacked / Unpacked,
 * `args.shipment` of a shipment's handoff, receipt or refusal). A lot shipped on a pallet is found
 * among the shipment's SSCCs through the pallets that carried it. Events of neither are left out.
 */
export async function findTravel(db: Db, events: TravelEvent[]): Promise<Map<string, Travel>> {
  const argsOf = (event: TravelEvent) => (event.args ?? {}) as Record<string, unknown>;
  const numbers = [...new Set(events.flatMap((event) => numberOrNone(argsOf(event).shipment)))];
  const lotIds = [...new Set(events.map((event) => event.lotId))];
  const [shipments, units] = await Promise.all([
    numbers.length === 0
      ? []
      : db.shipment.findMany({
          where: { number: { in: numbers }, chainId: { in: events.map((e) => e.chainId) } },
        }),
    numbers.length === 0
      ? []
      : db.logisticUnit.findMany({
          where: { lotIds: { hasSome: lotIds } },
          select: { sscc: true, lotIds: true },
        }),
  ]);
  const payloads = await db.eventPayload.findMany({
    where: { hash: { in: shipments.flatMap((s) => (s.payloadHash ? [s.payloadHash] : [])) } },
  });
  const bodies = new Map(payloads.map((payload) => [payload.hash, payload.body]));
  const travel = new Map<string, Travel>();
  for (const event of events) {
    const args = argsOf(event);
    if (typeof args.sscc === "string") {
      travel.set(event.id, { sscc: args.sscc, shipment: null });
      continue;
    }
    const [number] = numberOrNone(args.shipment);
    const shipment = shipments.find((s) => s.number === number && s.chainId === event.chainId);
    if (number === undefined) continue;
    const unit = units.find(
      (u) => u.lotIds.includes(event.lotId) && (shipment?.ssccs ?? []).includes(u.sscc),
    );
    const [document] = shipmentPartiesOf(bodies.get(shipment?.payloadHash ?? ""))?.documents ?? [];
    travel.set(event.id, {
      sscc: unit?.sscc ?? null,
      shipment: document
        ? `${documentTypeLabel(document.type)} ${document.number}`
        : `Shipment no. ${number}`,
    });
  }
  return travel;
}

function numberOrNone(value: unknown): number[] {
  const number = typeof value === "string" ? Number(value) : Number.NaN;
  return Number.isInteger(number) && number > 0 ? [number] : [];
}
