import "server-only";
import type { Db, Tx } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import type { RecallScope, TracedLot } from "@/lib/trace";
import { DISPOSITION_KINDS, type DispositionKind } from "./terms";

const Decimal = Prisma.Decimal;
type Decimal = Prisma.Decimal;

/** Quantities of one unit: how much is in the scope, how much of it its holders accounted for. */
export type UnitTotal = { unit: string | null; inScope: string; accounted: string };

/** One stock lot of the scope and what its holder said became of it. */
export type LotAccount = {
  lotId: string;
  lotCode: string;
  gtin: string;
  quantity: string | null;
  unit: string | null;
  /** The organisation holding it (its custodian); null for an account LotLedger does not know. */
  holder: { organizationId: string | null; name: string };
  reported: Record<DispositionKind, string>;
  packages: { removed: number; total: number };
  accounted: string;
  percent: number;
  isAccounted: boolean;
};

export type HolderAccount = {
  organizationId: string | null;
  name: string;
  lots: LotAccount[];
  quantities: UnitTotal[];
  percent: number;
  isAccounted: boolean;
};

/** How much of the recalled stock is accounted for: per lot, per holder, per unit and overall. */
export type RecallEffectiveness = {
  lots: LotAccount[];
  holders: HolderAccount[];
  quantities: UnitTotal[];
  /** Accounted for / in scope, rounded down (100 only when every lot is): with lots counted in
   * several units, never added across units, the lowest unit's figure. */
  percent: number;
  isComplete: boolean;
};

/**
 * Judges each stock lot of the scope (one not used up in a split, merge or transformation) by its
 * quantity: what every organisation reported of it (recall dispositions) plus, as removed from sale,
 * the share of its packages marked removed — whichever of the two "removed from sale" figures is
 * larger, so the same goods are not counted twice — at most the lot's quantity. A lot recorded
 * without a quantity is judged by its packages; one with neither by its holder's acknowledgement.
 */
export async function getRecallEffectiveness(
  db: Db | Tx,
  { recallId, scope }: { recallId: string; scope: Pick<RecallScope, "lots" | "links"> },
): Promise<RecallEffectiveness> {
  const usedUp = new Set(scope.links.map((link) => link.parentId));
  const stock = scope.lots.filter((lot) => !usedUp.has(lot.id));
  const stockIds = stock.map((lot) => lot.id);
  const [dispositions, organizations, acknowledged, packages] = await Promise.all([
    db.recallDisposition.findMany({
      where: { recallId, lotId: { in: stockIds } },
      select: { lotId: true, kind: true, quantity: true },
    }),
    db.organization.findMany({
      where: {
        chainAddress: { in: stock.map((lot) => lot.custodian.address), mode: "insensitive" },
      },
      select: { id: true, name: true, chainAddress: true },
    }),
    db.recallAcknowledgement.findMany({
      where: { recallId, acknowledgedAt: { not: null } },
      select: { organizationId: true },
    }),
    // Counted here, not taken from the scope: a package marked removed in the caller's
    // transaction counts at once.
    db.package.groupBy({
      by: ["lotId"],
      where: { lotId: { in: stockIds } },
      _count: { _all: true, removedAt: true },
    }),
  ]);
  const hasAcknowledged = new Set(acknowledged.map((a) => a.organizationId));
  const lots = stock.map((lot) => {
    const organization = organizations.find(
      (o) => o.chainAddress.toLowerCase() === lot.custodian.address.toLowerCase(),
    );
    const reported = Object.fromEntries(
      DISPOSITION_KINDS.map((kind) => [
        kind,
        dispositions
          .filter((d) => d.lotId === lot.id && d.kind === kind)
          .reduce((sum, d) => sum.add(d.quantity), new Decimal(0)),
      ]),
    ) as Record<DispositionKind, Decimal>;
    const holder = {
      organizationId: organization?.id ?? null,
      name: organization?.name ?? lot.custodian.name ?? `account ${lot.custodian.address}`,
    };
    const counted = packages.find((p) => p.lotId === lot.id)?._count;
    const packagesNow = { removed: counted?.removedAt ?? 0, total: counted?._all ?? 0 };
    return accountFor(
      { ...lot, packages: packagesNow },
      holder,
      reported,
      hasAcknowledged.has(holder.organizationId ?? ""),
    );
  });
  const holders = [...new Set(lots.map((lot) => lot.holder.name))].sort().map((name) => {
    const theirs = lots.filter((lot) => lot.holder.name === name);
    const quantities = totalsOf(theirs);
    return {
      organizationId: theirs[0]?.holder.organizationId ?? null,
      name,
      lots: theirs,
      quantities,
      percent: percentOf(theirs, quantities),
      isAccounted: theirs.every((lot) => lot.isAccounted),
    };
  });
  const quantities = totalsOf(lots);
  return {
    lots,
    holders,
    quantities,
    percent: percentOf(lots, quantities),
    isComplete: lots.every((lot) => lot.isAccounted),
  };
}

function accountFor(
  lot: TracedLot,
  holder: LotAccount["holder"],
  reported: Record<DispositionKind, Decimal>,
  hasAcknowledged: boolean,
): LotAccount {
  const { removed, total } = lot.packages;
  const asText = Object.fromEntries(
    DISPOSITION_KINDS.map((kind) => [kind, reported[kind].toFixed()]),
  ) as Record<DispositionKind, string>;
  const base = { lotId: lot.id, lotCode: lot.lotCode, gtin: lot.gtin, holder, reported: asText };
  if (lot.quantity === null) {
    // Without a quantity, its packages are what can be counted.
    const isAccounted = total > 0 ? removed === total : hasAcknowledged;
    return {
      ...base,
      quantity: total > 0 ? String(total) : null,
      unit: total > 0 ? "packages" : null,
      packages: lot.packages,
      accounted: total > 0 ? String(removed) : isAccounted ? "1" : "0",
      percent: total > 0 ? Math.floor((removed / total) * 100) : isAccounted ? 100 : 0,
      isAccounted,
    };
  }
  const quantity = new Decimal(lot.quantity);
  const removedShare = total > 0 ? quantity.mul(removed).div(total) : new Decimal(0);
  const others = reported.DESTROYED.add(reported.RETURNED_TO_SUPPLIER).add(reported.ALREADY_SOLD);
  const accounted = Decimal.min(
    quantity,
    Decimal.max(reported.REMOVED_FROM_SALE, removedShare).add(others),
  );
  const isAccounted = accounted.gte(quantity);
  return {
    ...base,
    quantity: lot.quantity,
    unit: lot.unit,
    packages: lot.packages,
    accounted: accounted.toDecimalPlaces(3, Decimal.ROUND_DOWN).toFixed(),
    percent: floorPercent(accounted, quantity, isAccounted),
    isAccounted,
  };
}

function totalsOf(lots: LotAccount[]): UnitTotal[] {
  const totals = new Map<string | null, { inScope: Decimal; accounted: Decimal }>();
  for (const lot of lots) {
    if (lot.quantity === null) continue;
    const entry = totals.get(lot.unit) ?? { inScope: new Decimal(0), accounted: new Decimal(0) };
    totals.set(lot.unit, {
      inScope: entry.inScope.add(lot.quantity),
      accounted: entry.accounted.add(lot.accounted),
    });
  }
  return [...totals]
    .map(([unit, t]) => ({ unit, inScope: t.inScope.toFixed(), accounted: t.accounted.toFixed() }))
    .sort((a, b) => (a.unit ?? "").localeCompare(b.unit ?? ""));
}

function percentOf(lots: LotAccount[], quantities: UnitTotal[]): number {
  if (lots.every((lot) => lot.isAccounted)) return 100;
  if (quantities.length === 0) return 0;
  return Math.min(
    ...quantities.map((q) => floorPercent(new Decimal(q.accounted), new Decimal(q.inScope), false)),
  );
}

/** Rounded down, and never 100 until it is all accounted for. */
function floorPercent(done: Decimal, of: Decimal, isDone: boolean): number {
  if (isDone) return 100;
  if (of.isZero()) return 0;
  return Math.min(99, done.mul(100).div(of).floor().toNumber());
}
