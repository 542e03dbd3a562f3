import "server-only";
import type { Db } from "@/lib/db/client";
import type { RecallScope } from "@/lib/trace";
import { stockLotIds } from "./recall-in-force";

export type ScopeHolder = {
  organizationId: string;
  name: string;
  gln: string;
  /** The lots in scope it holds or is receiving. */
  lots: { id: string; gtin: string; lotCode: string; status: string }[];
};

/**
 * The organisations of LotLedger that hold stock in the scope (lib/trace's holders: of a lot not
 * used up in the scope, its custodian, or its recipient while it is in transit), with those lots. A
 * custodian the database does not know (an account of another deployment) cannot sign in to
 * acknowledge, so it is left out here and shown by its address on the scope page.
 */
export async function scopeOrganizations(db: Db, scope: RecallScope): Promise<ScopeHolder[]> {
  const addresses = scope.organizations.map((holder) => holder.address);
  const organizations = await db.organization.findMany({
    where: { chainAddress: { in: addresses, mode: "insensitive" } },
    select: { id: true, name: true, gln: true, chainAddress: true },
    orderBy: { name: "asc" },
  });
  const stock = new Set(stockLotIds(scope));
  const lotsById = new Map(scope.lots.map((lot) => [lot.id, lot]));
  const holders = organizations.map((organization) => {
    const holder = scope.organizations.find(
      (h) => h.address.toLowerCase() === organization.chainAddress.toLowerCase(),
    );
    const lots = (holder?.lotIds ?? []).flatMap((id) => {
      const lot = lotsById.get(id);
      return lot && stock.has(id)
        ? [{ id, gtin: lot.gtin, lotCode: lot.lotCode, status: lot.status }]
        : [];
    });
    return {
      organizationId: organization.id,
      name: organization.name,
      gln: organization.gln,
      lots,
    };
  });
  return holders.filter((holder) => holder.lots.length > 0);
}
