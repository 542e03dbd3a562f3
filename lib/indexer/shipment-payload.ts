import { ssccOfEpc } from "@/lib/epcis/logistic-unit";

// What the read model takes from a shipping payload (EPCIS ObjectEvent, bizStep shipping): LotLedger's
// handle of the shipment (kde.shipment) and the logistic units shipped (epcList), as 18-digit SSCCs.

/** The reference (kde.shipment) and SSCCs (epcList) of a shipping payload; empty when unknown. */
export function shipmentPayloadFields(body: unknown): {
  reference: string | null;
  ssccs: string[];
} {
  const record = typeof body === "object" && body !== null ? (body as Record<string, unknown>) : {};
  const kde = record.kde as Record<string, unknown> | undefined;
  const reference = typeof kde?.shipment === "string" ? kde.shipment : null;
  const epcList = Array.isArray(record.epcList) ? record.epcList : [];
  const ssccs = epcList.flatMap((epc) => (typeof epc === "string" ? (ssccOfEpc(epc) ?? []) : []));
  return { reference, ssccs };
}
