import type { CriticalTrackingEvent, EpcisEvent } from "./event";
import type { StandardEvent } from "./event-hash";
import { cbvWord } from "./event-index";

// A partner's EPCIS event carries no `lotledger:cte`: the FSMA event it records is read from its
// type and business step. Steps FSMA 204 has no event for (inspecting, storing, sensor_reporting …)
// are observations.

const CTE_OF_BIZ_STEP: Record<string, CriticalTrackingEvent | "shipment_cancelled"> = {
  shipping: "shipping",
  departing: "shipping",
  receiving: "receiving",
  arriving: "receiving",
  accepting: "receiving",
  void_shipping: "shipment_cancelled",
  commissioning: "initial_packing",
  packing: "initial_packing",
};

/** The FSMA critical tracking event (or LotLedger step) a standard EPCIS event records. */
export function cteOfStandardEvent(event: StandardEvent): EpcisEvent["cte"] {
  if (event.type === "TransformationEvent") return "transformation";
  if (event.type === "AggregationEvent") {
    return event.action === "DELETE" ? "disaggregation" : "aggregation";
  }
  const step = cbvWord(event.bizStep);
  if (step === "holding" && cbvWord(event.disposition) === "recalled") return "recall";
  return (step && CTE_OF_BIZ_STEP[step]) || "observation";
}
