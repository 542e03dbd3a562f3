import { gs1CheckDigit } from "@/lib/gs1/keys";

// What the read model takes from a shipping payload (EPCIS ObjectEvent, bizStep shipping): LotLedger's
// handle of the shipment (kde.shipment) and the logistic units shipped (epcList), as 18-digit SSCCs.

/** The SSCC an EPC names: a pure-identity URI, a Digital Link /00/, or 18 digits; null otherwise. */
export function ssccOfEpc(epc: string): string | null {
  const uri = /^urn:epc:id:sscc:(\d{6,12})\.(\d{5,11})$/.exec(epc);
  if (uri) {
    const [prefix, serial] = [uri[1] as string, uri[2] as string];
    if (prefix.length + serial.length !== 17) return null;
    // The serial reference starts with the extension digit, which leads the SSCC.
    const body = `${serial.slice(0, 1)}${prefix}${serial.slice(1)}`;
    return `${body}${gs1CheckDigit(body)}`;
  }
  const digits = /^(?:https?:\/\/[^?#]*\/00\/)?(\d{18})(?:[?#].*)?$/.exec(epc);
  return digits ? (digits[1] as string) : null;
}

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
