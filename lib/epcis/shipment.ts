import { type EpcisEvent, glnOf, isEpcisEvent, type SourceDestination } from "./event";

// A shipment as its EPCIS payloads say it (CBV 2.0 source and destination types): the owning party
// ships from its location to the immediate subsequent recipient's location, while the possessing
// party holds the goods. With a carrier the two differ in transit: the farm still ships to the store
// (FSMA 204's "immediate subsequent recipient (other than a transporter)"), the carrier holds it.

export type ShipmentParties = {
  /** The owning party that shipped (source owning_party). */
  shipperGln: string | null;
  /** Where it was shipped from (source location). */
  shipFromGln: string | null;
  /** Who held it when this event happened (source possessing_party, else the shipper). */
  heldByGln: string | null;
  /** The immediate subsequent recipient (destination owning_party). */
  recipientGln: string | null;
  /** The recipient's location (destination location). */
  destinationGln: string | null;
  /** Who takes it next (destination possessing_party, else the recipient). */
  takenByGln: string | null;
  /** The reference documents (bill of lading, despatch advice) as typed. */
  documents: { type: string; number: string }[];
};

const gln = (list: SourceDestination[] | undefined, type: SourceDestination["type"]) =>
  glnOf(list?.find((entry) => entry.type === type)?.id);

/** The parties and documents of a shipping or receiving payload; null for anything else. */
export function shipmentPartiesOf(body: unknown): ShipmentParties | null {
  if (!isEpcisEvent(body)) return null;
  const shipperGln = gln(body.sourceList, "owning_party");
  const recipientGln = gln(body.destinationList, "owning_party");
  return {
    shipperGln,
    shipFromGln: gln(body.sourceList, "location"),
    heldByGln: gln(body.sourceList, "possessing_party") ?? shipperGln,
    recipientGln,
    destinationGln: gln(body.destinationList, "location"),
    takenByGln: gln(body.destinationList, "possessing_party") ?? recipientGln,
    documents: (body.bizTransactionList ?? []).map(documentOf),
  };
}

/**
 * The transporter of a shipment or receipt: the carrier that takes it from the shipper (shipping),
 * or hands it to the recipient (receiving) — a possessing party that is not the owner. Null when the
 * owners move it themselves.
 */
export function transporterGln(body: EpcisEvent): string | null {
  const parties = shipmentPartiesOf(body);
  if (!parties) return null;
  const isReceipt = body.bizStep === "receiving";
  const held = isReceipt ? parties.heldByGln : parties.takenByGln;
  const owner = isReceipt ? parties.shipperGln : parties.recipientGln;
  return held && held !== owner ? held : null;
}

/**
 * Whether the event is a carrier's leg, not a critical tracking event of its own: the carrier
 * picking the goods up (a receipt by someone other than the recipient) or delivering them (a
 * shipment by someone other than the shipper). FSMA 204 leaves transporters out of the CTEs.
 */
export function isTransportLeg(body: unknown): boolean {
  const parties = shipmentPartiesOf(body);
  if (!parties || !isEpcisEvent(body)) return false;
  if (body.bizStep === "receiving") {
    return parties.takenByGln !== null && parties.takenByGln !== parties.recipientGln;
  }
  if (body.bizStep === "shipping") {
    return parties.heldByGln !== null && parties.heldByGln !== parties.shipperGln;
  }
  return false;
}

/** A business transaction as its type and the number a person typed (LotLedger's URN), else the URN. */
export function documentOf(entry: { type: string; bizTransaction: string }): {
  type: string;
  number: string;
} {
  const match = /^urn:lotledger:[^:]+:(.*)$/.exec(entry.bizTransaction);
  if (!match) return { type: entry.type, number: entry.bizTransaction };
  try {
    return { type: entry.type, number: decodeURIComponent(match[1] as string) };
  } catch {
    return { type: entry.type, number: match[1] as string };
  }
}
