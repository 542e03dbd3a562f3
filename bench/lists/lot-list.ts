import type { Db } from "@/lib/db/client";
import { listLots } from "@/lib/lots/list-lots";
import { type LotListQuery, lotListQuery } from "@/lib/lots/lot-list-query";
import type { Org, World } from "./seed";

/**
 * What the lots page (lib/lots/list-lots.ts) asks for the farm, the largest holder: each sort, search
 * by lot code, GTIN and product name, each filter, used-up lots shown, and a second keyset page.
 */
export async function lotListQueries(
  db: Db,
  world: World,
): Promise<Record<string, () => Promise<unknown>>> {
  const farm = world.orgs.FARM as Org;
  const scope = { custodian: farm.address };
  const gtin = world.gtins[1] as string;
  const cases: Record<string, Partial<LotListQuery>> = {
    newest: {},
    oldest: { sort: "oldest" },
    "by lot code": { sort: "lot" },
    "by product": { sort: "product" },
    "search lot code": { q: "L1234" },
    "search GTIN": { q: gtin },
    "search product name": { q: "greens 7" },
    "search without match": { q: "ZZZZ" },
    "status filter": { status: "RECALLED" },
    "product filter": { product: gtin },
    "place filter": { place: farm.siteGln },
    "used up shown": { usedUp: "1" },
  };
  const queries: Record<string, () => Promise<unknown>> = {};
  for (const [name, query] of Object.entries(cases)) {
    const parsed = lotListQuery.parse(query);
    queries[`lots ${name}`] = () => listLots({ db, scope, query: parsed });
  }
  // A keyset page costs the same wherever it starts: page 2 of the newest first.
  const first = await listLots({ db, scope, query: lotListQuery.parse({}) });
  const second = lotListQuery.parse({ after: first.nextCursor ?? undefined });
  queries["lots page 2"] = () => listLots({ db, scope, query: second });
  return queries;
}
