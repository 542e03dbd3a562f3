import type { PayloadValue } from "@/lib/chain/payload";
import {
  type CriticalTrackingEvent,
  type EpcisEvent,
  locationId,
  lotEpcClass,
  partyId,
  referenceDocument,
} from "@/lib/epcis/event";
import { uomOf } from "@/lib/epcis/quantity";
import type { Cte, PlannedLot } from "./plan";
import type { BenchOrganization } from "./world";

// EPCIS 2.0 payloads shaped as the app's event forms write them (lib/events/ctes/*, lib/lots/*), so
// the FSMA spreadsheet the bench times reads the same fields it reads in the app.

// Pacific time, as a Californian grower records it.
const OFFSET = "-07:00";
const EPOCH = Date.UTC(2026, 5, 1);

/** The event time of a block: 20 s a block from June 2026, in the growers' zone. */
export function eventTimeOfBlock(block: number): string {
  const local = new Date(EPOCH + block * 20_000 - 7 * 3_600_000).toISOString().slice(0, 19);
  return `${local}${OFFSET}`;
}

const quantityOf = (lot: PlannedLot) => ({
  epcClass: lotEpcClass(lot.gtin, lot.lotCode),
  quantity: lot.quantity,
  uom: uomOf(lot.unit),
});
const site = (organization: BenchOrganization) => locationId(organization.site.gln);

type Base = {
  cte: CriticalTrackingEvent;
  type?: EpcisEvent["type"];
  action?: EpcisEvent["action"];
  bizStep: string;
  disposition: string;
  at: BenchOrganization;
  block: number;
  document: [string, string];
  eventId: string;
};

function base(o: Base): EpcisEvent {
  return {
    type: o.type ?? "ObjectEvent",
    cte: o.cte,
    eventTime: eventTimeOfBlock(o.block),
    eventTimeZoneOffset: OFFSET,
    ...(o.action ? { action: o.action } : {}),
    bizStep: o.bizStep,
    disposition: o.disposition,
    readPoint: { id: site(o.at) },
    bizLocation: { id: site(o.at) },
    sourceList: [{ type: "owning_party", id: partyId(o.at.gln) }],
    bizTransactionList: [referenceDocument(o.document[0], o.document[1])],
    eventId: o.eventId,
  };
}

const day = (block: number) => eventTimeOfBlock(block).slice(0, 10);
type Context = { block: number; eventId: string };

export function createdPayload(
  lot: PlannedLot,
  cte: Cte,
  to: BenchOrganization | null,
  c: Context,
): PayloadValue {
  const at = lot.producer;
  const common = {
    at,
    ...c,
    action: "ADD" as const,
    bizStep: "commissioning",
    disposition: "active",
  };
  if (cte === "harvesting") {
    return {
      ...base({ ...common, cte, document: ["harvestlog", `HL-${lot.lotCode}`] }),
      quantityList: [quantityOf(lot)],
      ...(to ? { destinationList: [{ type: "location", id: site(to) }] } : {}),
      ilmd: {
        commodity: lot.commodity,
        variety: lot.variety,
        harvestDate: day(c.block),
        fieldName: `Block ${lot.lotCode.slice(-2)}`,
      },
    } as PayloadValue;
  }
  return {
    ...base({ ...common, cte: "initial_packing", document: ["prodorder", `PO-${lot.lotCode}`] }),
    quantityList: [quantityOf(lot)],
    ilmd: { productDescription: lot.description, packingDate: day(c.block) },
    kde: { tlcSourceGln: at.site.gln },
  } as PayloadValue;
}

export function derivedPayload(
  cte: Cte,
  actor: BenchOrganization,
  inputs: PlannedLot[],
  outputs: PlannedLot[],
  c: Context,
): PayloadValue {
  const bizStep =
    cte === "initial_packing"
      ? "packing"
      : cte === "transformation"
        ? "transforming"
        : "repackaging";
  const body = {
    ...base({
      cte: cte as CriticalTrackingEvent,
      type: "TransformationEvent",
      bizStep,
      disposition: "active",
      at: actor,
      ...c,
      document: ["prodorder", `PO-${outputs[0]?.lotCode}`],
    }),
    inputQuantityList: inputs.map(quantityOf),
    outputQuantityList: outputs.map(quantityOf),
    kde: { tlcSourceGln: actor.site.gln },
  } as Record<string, unknown>;
  const first = inputs[0] as PlannedLot;
  if (cte === "initial_packing") {
    body.ilmd = {
      productDescription: outputs[0]?.description ?? "",
      commodity: first.commodity,
      variety: first.variety,
      dateReceived: day(c.block),
      harvestLocation: first.producer.site.address,
      fieldName: `Block ${first.lotCode.slice(-2)}`,
      harvesterBusinessName: first.producer.name,
      harvestDate: day(c.block - 200),
      packingDate: day(c.block),
    };
  }
  if (cte === "transformation") {
    body.ilmd = {
      dateCompleted: day(c.block),
      productDescriptions: Object.fromEntries(outputs.map((lot) => [lot.lotCode, lot.description])),
    };
  }
  return body as PayloadValue;
}

export function coolingPayload(
  lot: PlannedLot,
  at: BenchOrganization,
  to: BenchOrganization | null,
  c: Context,
): PayloadValue {
  return {
    ...base({
      cte: "cooling",
      action: "OBSERVE",
      bizStep: "storing",
      disposition: "active",
      at,
      ...c,
      document: ["harvestlog", `CL-${c.block}`],
    }),
    quantityList: [quantityOf(lot)],
    ...(to ? { destinationList: [{ type: "location", id: site(to) }] } : {}),
    kde: { coolingDate: day(c.block) },
  } as PayloadValue;
}

/** The shipping event and, for the recipient, the receiving event with the same bill of lading. */
export function shipmentPayloads(
  lot: PlannedLot,
  from: BenchOrganization,
  to: BenchOrganization,
  c: Context,
) {
  const document: [string, string] = ["bol", `BOL-${c.block}`];
  const shipping = {
    ...base({
      cte: "shipping",
      action: "OBSERVE",
      bizStep: "shipping",
      disposition: "in_transit",
      at: from,
      ...c,
      document,
    }),
    quantityList: [quantityOf(lot)],
    destinationList: [
      { type: "owning_party", id: partyId(to.gln) },
      { type: "location", id: site(to) },
    ],
    kde: { shipment: c.eventId, carrierName: null },
  };
  const receiving = {
    ...base({
      cte: "receiving",
      action: "OBSERVE",
      bizStep: "receiving",
      disposition: "in_progress",
      at: to,
      block: c.block + 1,
      eventId: `${c.eventId}-r`,
      document,
    }),
    quantityList: [quantityOf(lot)],
    sourceList: [
      { type: "owning_party", id: partyId(from.gln) },
      { type: "location", id: site(from) },
    ],
    destinationList: [{ type: "owning_party", id: partyId(to.gln) }],
    kde: { decision: "accept", reason: null },
  };
  return { shipping: shipping as PayloadValue, receiving: receiving as PayloadValue };
}
