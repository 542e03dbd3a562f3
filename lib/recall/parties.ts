import "server-only";
import type { Db, Tx } from "@/lib/db/client";
import { type RecallScope, traceBack } from "@/lib/trace";
import { type ScopeHolder, scopeOrganizations } from "./progress";
import type { RecallConcern } from "./terms";

/** An organisation a recall concerns, with the lots it concerns it through. */
export type RecallParty = ScopeHolder & { concern: RecallConcern };

/**
 * Everyone a recall must reach, each once, the strongest concern first:
 * 1. HOLDS_STOCK: who holds stock in the scope now (lib/trace's holders), and accounts for it;
 * 2. HELD_STOCK: who held or was sent a lot of the scope before, or produced it — the carrier that
 *    took it to the store, the packer that packed and shipped it (its LotHandedOff events and the
 *    lot's producer: custody only ever moves by a handoff, so these are everyone who had it);
 * 3. SOURCE: the producers of every lot the recalled lot was made from, up the lineage — the farm
 *    whose harvest went into the packed lot — so the recall reaches its source.
 * An account no LotLedger organisation has cannot be told, and is left out as the holders are.
 */
export async function findRecallParties(db: Db, scope: RecallScope): Promise<RecallParty[]> {
  const holders = await scopeOrganizations(db, scope);
  const back = await traceBack({ db, lotId: scope.lotId });
  const sourceIds = (back?.lots ?? []).filter((lot) => lot.id !== scope.lotId).map((l) => l.id);
  const scopeIds = scope.lots.map((lot) => lot.id);
  const [handled, produced] = await Promise.all([
    lotsByHandler(db, scopeIds),
    db.lot.findMany({
      where: { id: { in: [...scopeIds, ...sourceIds] } },
      select: { id: true, gtin: true, lotCode: true, status: true, producer: true },
    }),
  ]);
  const lotOf = new Map(produced.map((lot) => [lot.id, lot]));
  const source = new Set(sourceIds);
  const byAddress = new Map<string, { concern: RecallConcern; lotIds: Set<string> }>();
  // Of two concerns an organisation is told the closer one, and every lot of either.
  const add = (address: string, concern: RecallConcern, lotId: string) => {
    const key = address.toLowerCase();
    const entry = byAddress.get(key) ?? { concern, lotIds: new Set<string>() };
    if (RANK[concern] < RANK[entry.concern]) entry.concern = concern;
    entry.lotIds.add(lotId);
    byAddress.set(key, entry);
  };
  for (const row of handled) add(row.address, "HELD_STOCK", row.lotId);
  for (const lot of produced) {
    if (lot.producer === null) continue; // received from a supplier off LotLedger
    add(lot.producer, source.has(lot.id) ? "SOURCE" : "HELD_STOCK", lot.id);
  }
  const known = new Set(holders.map((h) => h.organizationId));
  const organizations = await db.organization.findMany({
    where: { chainAddress: { in: [...byAddress.keys()], mode: "insensitive" } },
    select: { id: true, name: true, gln: true, chainAddress: true },
    orderBy: { name: "asc" },
  });
  const others = organizations.flatMap((organization): RecallParty[] => {
    const entry = byAddress.get(organization.chainAddress.toLowerCase());
    if (!entry || known.has(organization.id)) return [];
    const lots = [...entry.lotIds].flatMap((id) => {
      const lot = lotOf.get(id);
      return lot
        ? [
            {
              id,
              gtin: lot.gtin,
              lotCode: lot.lotCode,
              status: lot.status,
              isSource: source.has(id),
            },
          ]
        : [];
    });
    return [
      {
        organizationId: organization.id,
        name: organization.name,
        gln: organization.gln,
        lots,
        concern: entry.concern,
      },
    ];
  });
  others.sort((a, b) => RANK[a.concern] - RANK[b.concern]);
  return [...holders.map((holder) => ({ ...holder, concern: "HOLDS_STOCK" as const })), ...others];
}

const RANK: Record<RecallConcern, number> = { HOLDS_STOCK: 0, HELD_STOCK: 1, SOURCE: 2 };

/** Every sender and recipient of a handoff of these lots, with the lot. */
async function lotsByHandler(
  db: Db | Tx,
  lotIds: string[],
): Promise<{ address: string; lotId: string }[]> {
  if (lotIds.length === 0) return [];
  return db.$queryRaw<{ address: string; lotId: string }[]>`
    SELECT DISTINCT x.address, e."lotId"
    FROM "LedgerEvent" e
    CROSS JOIN LATERAL (VALUES (e.actor), (e.args->>'recipient')) AS x(address)
    WHERE e.name = 'LotHandedOff' AND e."lotId" = ANY(${lotIds}::text[]) AND x.address IS NOT NULL`;
}
