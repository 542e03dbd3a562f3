import type { Member } from "@/lib/auth/session";
import type { Db } from "@/lib/db/client";
import {
  findOpenRecalls,
  findPlaces,
  getCarrierHome,
  getProducerHome,
  getRetailerHome,
  searchEverything,
  searchOutbreak,
} from "@/lib/home";
import { percentile, round } from "../trace/measure";
import type { Org, World } from "./seed";

const memberOf = (org: Org): Member => ({
  userId: `bench-user-${org.kind}`,
  name: "Bench",
  email: `${org.kind.toLowerCase()}@bench`,
  role: "ADMIN",
  organization: {
    id: org.id,
    name: org.kind,
    kind: org.kind,
    gln: org.gln,
    chainAddress: org.address,
  },
});

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** What each home page asks the database, as the page asks it (its queries side by side). */
export function homeQueries(db: Db, world: World): Record<string, () => Promise<unknown>> {
  const { FARM, PACKER, PROCESSOR, CARRIER, RETAILER, REGULATOR } = world.orgs as Record<
    string,
    Org
  >;
  const producer = (org: Org) => () => getProducerHome({ db, member: memberOf(org) });
  const regulator = memberOf(REGULATOR as Org);
  const outbreak = {
    product: world.gtins[0] as string,
    placeGln: (FARM as Org).siteGln,
    from: day(Date.now() - 30 * 86_400_000),
    to: day(Date.now()),
  };
  return {
    farm: producer(FARM as Org),
    packer: producer(PACKER as Org),
    processor: producer(PROCESSOR as Org),
    carrier: () => getCarrierHome({ db, address: (CARRIER as Org).address }),
    retailer: () => getRetailerHome({ db, member: memberOf(RETAILER as Org) }),
    regulator: () => Promise.all([findOpenRecalls({ db, member: regulator }), findPlaces(db)]),
    "regulator search": () => searchEverything({ db, member: regulator, query: "L1234" }),
    "regulator outbreak": () => searchOutbreak({ db, query: outbreak }),
  };
}

export type Timing = { p50_ms: number; p95_ms: number; runs: number };

/** Each home `runs` times in turn (after two warm-up runs), p50 and p95 of its server time. */
export async function timeHomes(
  queries: Record<string, () => Promise<unknown>>,
  runs: number,
): Promise<Record<string, Timing>> {
  const result: Record<string, Timing> = {};
  for (const [name, run] of Object.entries(queries)) {
    await run();
    await run();
    const durations: number[] = [];
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      await run();
      durations.push(performance.now() - started);
    }
    result[name] = { p50_ms: percentile(durations, 50), p95_ms: percentile(durations, 95), runs };
  }
  return result;
}

export { round };
