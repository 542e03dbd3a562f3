import type { DecodedLog, EventArgs, RejectedLog } from "./decode";

// A batch log (a shipment handed off or answered, a logistic unit packed or unpacked) names many
// lots. Every reader of a lot's trail reads one LedgerEvent row per lot, named as the single-lot
// event it stands for, so each batch log becomes one row per lot (same tx hash and log index, the
// lot id telling them apart) with the shipment's number or the unit's SSCC added to its arguments.

/** The single-lot event each batch event stands for, per lot. */
const SINGLE_LOT_NAMES: Record<string, string> = {
  ShipmentHandedOff: "LotHandedOff",
  ShipmentAccepted: "LotHandoffAccepted",
  ShipmentRejected: "LotHandoffRejected",
  LogisticUnitPacked: "LogisticUnitPacked",
  LogisticUnitUnpacked: "LogisticUnitUnpacked",
};

/** Whether a decoded log names many lots and is expanded into per-lot rows. */
export function isBatchLog(event: Pick<DecodedLog, "name">): boolean {
  return event.name in SINGLE_LOT_NAMES;
}

/** A shipment answered whole: its ShipmentAccepted / ShipmentRejected lists no lots. */
export function isWholeAnswer(event: DecodedLog): boolean {
  return (
    event.name !== "ShipmentHandedOff" && "shipment" in event.args && lotIdsOf(event).length === 0
  );
}

/** An SSCC as the read model keeps it: 18 digits, the extension digit first. */
export function ssccDigits(onChain: string): string {
  return onChain.padStart(18, "0");
}

export function lotIdsOf(event: DecodedLog): string[] {
  return Array.isArray(event.args.lotIds) ? event.args.lotIds : [];
}

/**
 * Expands the batch logs among `events` (in chain order) into per-lot events; other events pass
 * through. A whole-shipment answer expands to the lots of its shipment: `shipmentLots` holds those
 * the read model knows, and gains the shipments handed off here, so an answer later in the same
 * batch finds them. An answer to a shipment nobody indexed cannot be expanded and is rejected.
 */
export function expandBatchLogs(
  events: readonly DecodedLog[],
  shipmentLots: Map<string, string[]>,
): { expanded: DecodedLog[]; applied: DecodedLog[]; rejected: RejectedLog[] } {
  const expanded: DecodedLog[] = [];
  const applied: DecodedLog[] = [];
  const rejected: RejectedLog[] = [];
  for (const event of events) {
    if (!isBatchLog(event)) {
      expanded.push(event);
      applied.push(event);
      continue;
    }
    const shipment = event.args.shipment;
    if (event.name === "ShipmentHandedOff" && typeof shipment === "string") {
      shipmentLots.set(shipment, lotIdsOf(event));
    }
    const lotIds = isWholeAnswer(event) ? shipmentLots.get(String(shipment)) : lotIdsOf(event);
    if (!lotIds) {
      rejected.push({
        ...event,
        lotId: null,
        reason: `it answers shipment ${String(shipment)} whole, but that shipment is not in the read model (never indexed, or quarantined itself), so the lots it moves are unknown`,
      });
      continue;
    }
    applied.push(event);
    expanded.push(...lotIds.map((lotId) => perLotEvent(event, lotId)));
  }
  return { expanded, applied, rejected };
}

function perLotEvent(event: DecodedLog, lotId: string): DecodedLog {
  const { lotIds: _lots, shipment, sscc, ...rest } = event.args;
  const key: EventArgs =
    typeof sscc === "string" ? { sscc: ssccDigits(sscc) } : { shipment: String(shipment) };
  return {
    ...event,
    name: SINGLE_LOT_NAMES[event.name] as string,
    args: { lotId, ...rest, ...key },
  };
}
