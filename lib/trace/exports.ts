import "server-only";
import { findStoredPayloads, type Verdict } from "@/lib/chain/payload";
import { toCsv } from "@/lib/csv";
import type { Db } from "@/lib/db/client";
import { glnOf, isEpcisEvent } from "@/lib/epcis/event";
import { buildDigitalLink } from "@/lib/gs1/digital-link";
import { getPlaceDirectory } from "@/lib/organizations";
import {
  CTE_EVENT_NAMES,
  FSMA_COLUMNS,
  type FsmaRow,
  fsmaRow,
  type LedgerEventRow,
  type LotFacts,
  type Verification,
} from "./fsma-row";
import type { RecallScope } from "./recall-scope";
import { type Holder, type TracedLot, traceBack, traceForward } from "./trace";

// The spreadsheets a recall hands out: the FDA FSMA 204 sortable spreadsheet of a lot's full trace,
// and the recall scope, lot by lot. Both are CSV as RFC 4180 writes it, safe to open (below).

export type FsmaSpreadsheet = { lotId: string; rows: FsmaRow[]; csv: string };

/**
 * The FDA FSMA 204 electronic sortable spreadsheet for a lot's full trace, back to its origins and
 * forward to every lot made from it: one row per critical tracking event, in chain order, with its
 * key data elements. Each row says whether its stored record still hashes to the value on the
 * ledger; an altered or missing record is still exported, and marked, since the FDA asks for every
 * record. Null when the read model has no such lot.
 */
export async function getFsmaSpreadsheet(options: {
  db: Db;
  lotId: string;
  /**
   * Where LotLedger answers Digital Links (APP_URL): the stem of each TLC source reference. Left
   * out, GS1's canonical stem (https://id.gs1.org), which names the lot but resolves only through
   * GS1's resolver.
   */
  appUrl?: string;
}): Promise<FsmaSpreadsheet | null> {
  const { db, lotId, appUrl = "https://id.gs1.org" } = options;
  const [back, forward, places] = await Promise.all([
    traceBack(options),
    traceForward(options),
    getPlaceDirectory({ db }),
  ]);
  if (!back || !forward) return null;
  const lots = new Map<string, TracedLot & { generation: number }>();
  for (const lot of back.lots) lots.set(lot.id, { ...lot, generation: -lot.depth });
  for (const lot of forward.lots) lots.set(lot.id, { ...lot, generation: lot.depth });
  const ids = [...lots.keys()];
  const [events, links, signers] = await Promise.all([
    db.ledgerEvent.findMany({
      where: { lotId: { in: ids }, name: { in: CTE_EVENT_NAMES } },
      orderBy: [{ blockNumber: "asc" }, { txIndex: "asc" }, { logIndex: "asc" }],
      select: {
        lotId: true,
        name: true,
        actor: true,
        payloadHash: true,
        args: true,
        txHash: true,
        blockNumber: true,
      },
    }),
    db.lotLineage.findMany({
      where: { childId: { in: ids } },
      select: { childId: true, parent: { select: { id: true, gtin: true, lotCode: true } } },
    }),
    db.organization.findMany({ select: { chainAddress: true, gln: true } }),
  ]);
  const payloads = await findStoredPayloads(
    db,
    events.map((event) => event.payloadHash),
  );
  const bodyOf = (event: LedgerEventRow) =>
    event.payloadHash ? payloads.bodies.get(event.payloadHash) : undefined;
  const glns = new Map(signers.map((o) => [o.chainAddress, o.gln]));
  const verificationOf = (event: LedgerEventRow): Verification =>
    VERIFICATIONS[payloads.verdictOf(event, glns.get(event.actor) ?? null)];

  const creations = new Map(
    events
      .filter((event) => ["LotCreated", "LotDerived", "LotReceived"].includes(event.name))
      .map((event) => [event.lotId, bodyOf(event)]),
  );
  const parents = new Map<string, { id: string; gtin: string; lotCode: string }[]>();
  for (const link of links) {
    parents.set(link.childId, [...(parents.get(link.childId) ?? []), link.parent]);
  }
  const facts = lotFacts(lots, creations, parents, appUrl);
  // Shipping part of a lot registers the part and the remainder with the shipping payload: not a CTE
  // of their own; the part's shipping row is its LotHandedOff.
  const cteEvents = events.filter(
    (event) => !(event.name === "LotDerived" && isShippedPart(bodyOf(event))),
  );
  const rows = cteEvents.map((event) =>
    fsmaRow(
      event,
      facts.get(event.lotId) as LotFacts,
      bodyOf(event),
      verificationOf(event),
      places,
    ),
  );
  const csv = toCsv([
    FSMA_COLUMNS.map(([, header]) => header),
    ...rows.map((row) => FSMA_COLUMNS.map(([key]) => row[key])),
  ]);
  return { lotId, rows, csv };
}

/** Whether a lot was registered by shipping part of another: its creation is a shipping payload. */
function isShippedPart(body: unknown): boolean {
  return isEpcisEvent(body) && body.cte === "shipping";
}

const VERIFICATIONS: Record<Verdict, Verification> = {
  verified: "yes",
  missing: "no: record missing",
  altered: "no: record altered",
  "another lot": "no: record of another lot",
  "another party": "no: recorded by another organisation",
};

/**
 * Each lot's shared key data elements, from the payload of the event that assigned its TLC. A split
 * or merge names no product: its lots inherit the description (and commodity) of their first input
 * in the trace that has one.
 */
function lotFacts(
  lots: Map<string, TracedLot & { generation: number }>,
  creations: Map<string, unknown>,
  parents: Map<string, { id: string; gtin: string; lotCode: string }[]>,
  appUrl: string,
): Map<string, LotFacts> {
  const facts = new Map<string, LotFacts>();
  // Lineage is acyclic, so the recursion ends, at most as deep as the lineage is long.
  const resolve = (lot: TracedLot & { generation: number }): LotFacts => {
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
    const commodity = [ilmd.commodity, ilmd.variety]
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
        commodity ||
        inherited.find((input) => input.productDescription)?.productDescription ||
        "",
      commodityVariety:
        commodity || inherited.find((input) => input.commodityVariety)?.commodityVariety || "",
      tlcSourceGln:
        typeof kde.tlcSourceGln === "string" ? kde.tlcSourceGln : glnOf(epcis?.bizLocation?.id),
      inputs: inputs.map(({ gtin, lotCode }) => ({ gtin, lotCode })),
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

const SCOPE_HEADER = [
  "Traceability lot code (TLC)",
  "GTIN",
  "Status",
  "Generation from the recalled lot",
  "Stock to find",
  "Quantity",
  "Unit of measure",
  "Custodian",
  "Custodian GLN",
  "Custodian location",
  "In transit to",
  "Packages",
  "Packages removed",
  "Lot id",
];

const holderText = (holder: Holder | null) => holder?.name ?? holder?.address ?? "";
const locationText = (holder: Holder) =>
  holder.location ? `${holder.location.name}, ${holder.location.address}` : "";

/**
 * A recall's scope as CSV, one row per affected lot (the recalled lot first, then by generation):
 * who holds it and where, and whether it is stock to find or was used up in a lot of the scope.
 */
export function recallScopeCsv(scope: RecallScope): string {
  const usedUp = new Set(scope.links.map((link) => link.parentId));
  return toCsv([
    SCOPE_HEADER,
    ...scope.lots.map((lot) => [
      lot.lotCode,
      lot.gtin,
      lot.status.toLowerCase().replace("_", " "),
      lot.depth,
      usedUp.has(lot.id) ? "no: used up in a lot below" : "yes",
      lot.quantity,
      lot.unit,
      holderText(lot.custodian),
      lot.custodian.gln,
      locationText(lot.custodian),
      lot.status === "IN_TRANSIT" ? holderText(lot.recipient) : "",
      lot.packages.total,
      lot.packages.removed,
      lot.id,
    ]),
  ]);
}
