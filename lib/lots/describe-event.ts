import type { EpcisEvent } from "@/lib/epcis/event";

const LINEAGE = ["split", "merge", "transformation"];

/**
 * A ledger event in the words a person at a farm or a store uses. `cte` is the critical tracking
 * event its verified payload records, when there is one: the chain says "a lot was derived", the
 * payload says it was packed.
 */
export function describeLedgerEvent(
  name: string,
  args: Record<string, string>,
  nameOf: (address: string) => string,
  cte: EpcisEvent["cte"] | null = null,
): string {
  const actor = nameOf(args.actor ?? "");
  switch (name) {
    case "LotCreated":
      return `${CREATED_BY[cte ?? ""] ?? "Registered by"} ${nameOf(args.custodian ?? "")}`;
    case "LotReceived":
      return `Received from a supplier not on LotLedger by ${actor}, who vouches for it`;
    case "LotHandedOff":
      return `Shipped by ${actor} to ${nameOf(args.recipient ?? "")}`;
    case "LotHandoffAccepted":
      return `Received by ${actor}`;
    case "LotHandoffRejected":
      return `Rejected on arrival by ${actor}; back with ${nameOf(args.from ?? "")}`;
    case "LotHandoffCancelled":
      return `Shipment to ${nameOf(args.recipient ?? "")} cancelled by ${actor}, who still holds it`;
    case "LotConsumed":
      // In the words of the form the user filled in, which only the verified payload knows.
      if (cte === "shipping") return `Part shipped by ${actor}; the rest is a lot of its own`;
      return cte === "initial_packing"
        ? `Used up in initial packing by ${actor}`
        : `Used up in a ${LINEAGE[Number(args.kind)] ?? "transformation"} by ${actor}`;
    case "LotDerived":
      if (cte === "shipping") return `Made when ${actor} shipped part of a lot`;
      return cte === "initial_packing"
        ? `Packed at ${actor}`
        : `Made by ${LINEAGE[Number(args.kind)] ?? "transformation"} at ${actor}`;
    case "LotEventRecorded":
      return `${cte === "cooling" ? "Cooled" : "Event recorded"} by ${actor}`;
    case "LotReadingsAnchored":
      return `${args.readingCount} sensor readings anchored by ${actor}`;
    case "DeviceReadingsAnchored": {
      // Its batch is a struct (lib/indexer/decode.ts): the count is one of its fields.
      const batch = args.batch as unknown as Record<string, string> | undefined;
      const device = args.device ?? "";
      return `${batch?.readingCount ?? "Some"} readings signed by data logger ${device.slice(0, 6)}…${device.slice(-4)}, anchored by ${actor}`;
    }
    case "LotHeld":
      return `Put on hold by its storage rule: ${args.excursionMinutes} min outside its range`;
    case "LotReleased":
      return `Released from hold by ${actor}`;
    case "LogisticUnitPacked":
      return `Packed on a pallet by ${actor}`;
    case "LogisticUnitUnpacked":
      return `Taken off its pallet by ${actor}`;
    case "LotRecalled":
      return `Recalled by ${actor}`;
    case "LotRecallLifted":
      return `Recall lifted by ${actor}`;
    default:
      return name;
  }
}

// The events that create a lot from nothing LotLedger tracked before.
const CREATED_BY: Record<string, string> = {
  harvesting: "Harvested by",
  first_land_based_receiving: "Landed and first received by",
};
