import { decodeBytes32String } from "ethers";
import { FSMA_CTE_NAMES } from "@/lib/epcis/cte-names";
import type { EpcisEvent } from "@/lib/epcis/event";
import { isTransportLeg } from "@/lib/epcis/shipment";
import type { LedgerEventRow } from "./fsma-facts";

// Which critical tracking event a ledger event records, as a person reads it: from its EPCIS payload,
// else from the ledger event itself.

// FSMA_CTE_NAMES is keyed by LotLedger's CTEs; payloads and ledger events carry any string.
const CTE_LABELS: Record<string, string | undefined> = FSMA_CTE_NAMES;
const LINEAGE_LABELS = ["Transformation (split)", "Transformation (merge)", "Transformation"];

/** The CTE of a ledger event ("Shipping", "Transformation (split)", "Transport: …"). */
export function cteOf(event: LedgerEventRow, epcis: EpcisEvent | null): string {
  // FSMA 204 leaves transporters out: their pickup and delivery are kept, marked, for completeness.
  if (isTransportLeg(epcis)) {
    if (event.name === "LotHandoffRejected")
      return "Transport: pickup refused by the carrier (not a CTE)";
    return event.name === "LotHandedOff"
      ? "Transport: delivery by the carrier (not a CTE)"
      : "Transport: pickup by the carrier (not a CTE)";
  }
  if (event.name === "LotHandoffRejected") return "Receiving (rejected)";
  const fromPayload = epcis ? CTE_LABELS[epcis.cte] : undefined;
  if (fromPayload) return fromPayload;
  const args = (event.args ?? {}) as Record<string, string>;
  switch (event.name) {
    case "LotHandedOff":
      return "Shipping";
    case "LotHandoffAccepted":
      return "Receiving";
    case "LotDerived":
      return LINEAGE_LABELS[Number(args.kind)] ?? "Transformation";
    case "EpcisEventCaptured":
      return "Tracking event (captured EPCIS, not a CTE)";
    case "LotEventRecorded": {
      const eventType = safeBytes32(args.eventType);
      return CTE_LABELS[eventType] ?? (eventType || "Tracking event");
    }
    default:
      return "Traceability lot code assigned";
  }
}

function safeBytes32(value: string | undefined): string {
  try {
    return value ? decodeBytes32String(value) : "";
  } catch {
    return "";
  }
}
