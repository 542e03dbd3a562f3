import { glnOf, isEpcisEvent } from "@/lib/epcis/event";
import { buildDigitalLink } from "@/lib/gs1/digital-link";

// What the rows of a lot share in the FDA FSMA 204 spreadsheets (the CSV and the workbook): its
// TLC, product and TLC source, from the payload of the event that assigned its TLC.

/** The ledger events that record a critical tracking event. */
export const CTE_EVENT_NAMES = [
  "LotCreated",
  "LotReceived",
  "LotDerived",
  "LotEventRecorded",
  "LotHandedOff",
  "LotHandoffAccepted",
  "LotHandoffRejected",
];

export type LedgerEventRow = {
  lotId: string;
  name: string;
  actor: string;
  payloadHash: string | null;
  args: unknown;
  txHash: string;
  blockNumber: number;
};

/** A lot of the export: a traced lot, or one of a product or date-range scope (generation 0). */
export type FsmaLot = {
  id: string;
  gtin: string;
  lotCode: string;
  quantity: string | null;
  unit: string | null;
  /** Generations from the traced lot: negative for its sources, positive for lots made from it. */
  generation: number;
};

/** What a lot's rows share: from the event that assigned its TLC, or inherited from its inputs. */
export type LotFacts = {
  gtin: string;
  lotCode: string;
  /**
   * Whether its lot code is a traceability lot code: assigned at initial packing, first land-based
   * receiving or a transformation (a split or merge included), never at harvest.
   */
  isTlc: boolean;
  /**
   * The TLC its rows carry: its own lot code, or for a part of a lot shipped on its own (numbered
   * L.P1 by lib/events), the TLC of the lot it came from: FSMA 204's shipping keeps the TLC.
   */
  tlc: string;
  /** The lot's GS1 Digital Link: the TLC source reference FDA can follow to the TLC source. */
  digitalLink: string;
  /** Where a harvested lot was harvested (its harvesting event's location); null for a TLC lot. */
  harvestFarmGln: string | null;
  quantity: string | null;
  unit: string | null;
  generation: number;
  productDescription: string;
  commodity: string;
  variety: string;
  commodityVariety: string;
  tlcSourceGln: string | null;
  /** Its inputs, when a split, merge or transformation made it (described when the export has them). */
  inputs: { gtin: string; lotCode: string; productDescription: string }[];
};

export type Verification =
  | "yes"
  | "no: record altered"
  | "no: record missing"
  | "no: record of another lot"
  | "no: recorded by another organisation";

/** Whether a lot was registered by shipping part of another: its creation is a shipping payload. */
export function isShippedPart(body: unknown): boolean {
  return isEpcisEvent(body) && body.cte === "shipping";
}

const text = (value: unknown) => (typeof value === "string" ? value : "");

/**
 * Each lot's shared key data elements, from the payload of the event that assigned its TLC. A split
 * or merge names no product: its lots inherit the description (and commodity) of their first input
 * in the export that has one.
 */
export function lotFacts(
  lots: Map<string, FsmaLot>,
  creations: Map<string, unknown>,
  parents: Map<string, { id: string; gtin: string; lotCode: string }[]>,
  appUrl: string,
): Map<string, LotFacts> {
  const facts = new Map<string, LotFacts>();
  // Lineage is acyclic, so the recursion ends, at most as deep as the lineage is long.
  const resolve = (lot: FsmaLot): LotFacts => {
    const known = facts.get(lot.id);
    if (known) return known;
    const body = creations.get(lot.id);
    const epcis = isEpcisEvent(body) ? body : null;
    const ilmd = (epcis?.ilmd ?? {}) as Record<string, unknown>;
    const kde = (epcis?.kde ?? {}) as Record<string, unknown>;
    const descriptions = (ilmd.productDescriptions ?? {}) as Record<string, unknown>;
    const inputs = parents.get(lot.id) ?? [];
    const inherited = inputs
      .map((input) => lots.get(input.id))
      .filter((input) => input !== undefined)
      .map(resolve);
    const commodityVariety = [ilmd.commodity, ilmd.variety]
      .filter((v) => typeof v === "string")
      .join(", ");
    const description = [ilmd.productDescription, descriptions[lot.lotCode]].find(
      (v): v is string => typeof v === "string" && v !== "",
    );
    const isHarvest = epcis?.cte === "harvesting";
    const [origin] = inherited;
    if (isShippedPart(body) && origin) {
      // A part keeps its lot's product, TLC and TLC source; only its own quantity differs.
      const part = { ...origin, gtin: lot.gtin, lotCode: lot.lotCode, quantity: lot.quantity };
      facts.set(lot.id, { ...part, unit: lot.unit, generation: lot.generation });
      return facts.get(lot.id) as LotFacts;
    }
    const source = commodityVariety ? null : inherited.find((input) => input.commodityVariety);
    const result: LotFacts = {
      gtin: lot.gtin,
      lotCode: lot.lotCode,
      isTlc: !isHarvest,
      tlc: lot.lotCode,
      digitalLink: digitalLinkOf(appUrl, lot),
      harvestFarmGln: isHarvest ? glnOf(epcis?.bizLocation?.id) : null,
      quantity: lot.quantity,
      unit: lot.unit,
      generation: lot.generation,
      productDescription:
        description ||
        commodityVariety ||
        inherited.find((input) => input.productDescription)?.productDescription ||
        "",
      commodity: source ? source.commodity : text(ilmd.commodity),
      variety: source ? source.variety : text(ilmd.variety),
      commodityVariety: commodityVariety || source?.commodityVariety || "",
      tlcSourceGln:
        typeof kde.tlcSourceGln === "string" ? kde.tlcSourceGln : glnOf(epcis?.bizLocation?.id),
      inputs: inputs.map(({ id, gtin, lotCode }) => {
        const input = lots.get(id);
        return {
          gtin,
          lotCode,
          productDescription: input ? resolve(input).productDescription : "",
        };
      }),
    };
    facts.set(lot.id, result);
    return result;
  };
  for (const lot of lots.values()) resolve(lot);
  return facts;
}

/** The lot's Digital Link; empty for a code the ledger holds but GS1 would refuse (none expected). */
function digitalLinkOf(appUrl: string, lot: { gtin: string; lotCode: string }): string {
  try {
    return buildDigitalLink({ stem: appUrl, ais: { "01": lot.gtin, "10": lot.lotCode } });
  } catch {
    return "";
  }
}
