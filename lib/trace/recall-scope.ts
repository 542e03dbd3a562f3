import "server-only";
import type { Db, Tx } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { type CarryingShipmentView, type CarryingUnit, findCarriersOf } from "./carriers";
import { depthsFrom, type LineageRow, linksWithin, queryLineage } from "./lineage";
import { type Holder, type Trace, type TracedLot, traceForward } from "./trace";

/**
 * What recalling a lot affects: the lot and everything made from it (a forward trace), with the
 * stock to find. Stock is every affected lot that still exists as goods: one no split, merge or
 * transformation used up (its goods became its descendants, which are in the scope themselves).
 * That is a lot without children, not a lot whose status is CONSUMED: a consumed lot that is
 * recalled reads RECALLED. `organizations` hold the stock (a lot's custodian, and the recipient of
 * a lot in transit, who is about to), `packages` and `quantities` count it. Quantities are summed
 * per unit, exactly (decimal), units never mixed.
 */
export type RecallScope = Trace & {
  organizations: Array<Holder & { lotIds: string[] }>;
  /** The pallets and batched shipments that carried the stock, and where each is now. */
  carriers: { units: CarryingUnit[]; shipments: CarryingShipmentView[] };
  packages: { total: number; removed: number };
  quantities: Array<{ unit: string | null; total: string }>;
};

/** The scope of a recall of `lotId`, or null when the read model has no such lot. */
export async function getRecallScope(options: {
  db: Db;
  lotId: string;
}): Promise<RecallScope | null> {
  const trace = await traceForward(options);
  if (!trace) return null;
  const usedUp = new Set(trace.links.map((link) => link.parentId));
  const stock = trace.lots.filter((lot) => !usedUp.has(lot.id));
  return {
    ...trace,
    organizations: holdersOf(stock),
    carriers: await findCarriersOf(options.db, stock),
    packages: {
      total: sum(stock.map((lot) => lot.packages.total)),
      removed: sum(stock.map((lot) => lot.packages.removed)),
    },
    quantities: quantitiesOf(stock),
  };
}

/**
 * The lot itself, or its nearest ancestor, whose status is RECALLED: what a consumer page or a scan
 * shows for a lot made from a recalled one, which the chain leaves unchanged. Null when none is.
 */
export async function findRecalledAncestor(options: {
  db: Db | Tx;
  lotId: string;
}): Promise<{ lotId: string; lotCode: string; gtin: string } | null> {
  const rows = await queryLineage(options.db, options.lotId, "back");
  const recalled = rows.filter((row) => row.status === "RECALLED");
  if (recalled.length === 0) return null;
  const depths = depthsFrom(options.lotId, linksWithin(rows), "back");
  const depthOf = (row: LineageRow) => depths.get(row.id) ?? 0;
  const [nearest] = recalled.sort(
    (a, b) =>
      depthOf(a) - depthOf(b) || a.gtin.localeCompare(b.gtin) || a.lotCode.localeCompare(b.lotCode),
  ) as [LineageRow];
  return { lotId: nearest.id, lotCode: nearest.lotCode, gtin: nearest.gtin };
}

function holdersOf(stock: readonly TracedLot[]): Array<Holder & { lotIds: string[] }> {
  const byAddress = new Map<string, Holder & { lotIds: string[] }>();
  const add = (holder: Holder, lotId: string) => {
    const key = holder.address.toLowerCase();
    const entry = byAddress.get(key) ?? { ...holder, lotIds: [] };
    byAddress.set(key, entry);
    entry.lotIds.push(lotId);
  };
  for (const lot of stock) {
    add(lot.custodian, lot.id);
    if (lot.status === "IN_TRANSIT" && lot.recipient) add(lot.recipient, lot.id);
  }
  return [...byAddress.values()].sort((a, b) =>
    (a.name ?? a.address).localeCompare(b.name ?? b.address),
  );
}

function quantitiesOf(stock: readonly TracedLot[]): Array<{ unit: string | null; total: string }> {
  const totals = new Map<string | null, Prisma.Decimal>();
  for (const lot of stock) {
    if (lot.quantity === null) continue;
    totals.set(lot.unit, (totals.get(lot.unit) ?? new Prisma.Decimal(0)).add(lot.quantity));
  }
  return [...totals]
    .map(([unit, total]) => ({ unit, total: total.toFixed() }))
    .sort((a, b) => (a.unit ?? "").localeCompare(b.unit ?? ""));
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
