// The query half of `npm run bench:epcis`: a repository of --events EPCIS events (default
// 1,000,000; bench/epcis-query/seed.ts) in its own embedded PostgreSQL, then pages of 100 of
// MATCH_epc and of one-day eventTime windows as a member of one organisation (which sees the events
// of the lots it produced, holds or handed off, and of their lineage: about a tenth), timed one at a
// time through lib/epcis-query; in the same run the same queries as a regulator, who sees everything
// (the baseline: the same indexes without the visibility rule), and the first query of another
// organisation, which gathers its visible lots.
import type { Member } from "@/lib/auth/session";
import { createPrismaClient, type Db } from "@/lib/db/client";
import { eventVisibility } from "@/lib/epcis-query/caller-visibility";
import { findEpcisEvents } from "@/lib/epcis-query/find-events";
import { parseEventQuery } from "@/lib/epcis-query/query-params";
import { startBenchDatabase, wholeNumberFlag } from "./embedded-database";
import {
  addressOf,
  epcOf,
  PACKAGES_PER_LOT,
  seedEpcisRepository,
  YEAR_MS,
  YEAR_START,
} from "./epcis-query/seed";
import { percentile, timeEach } from "./trace/measure";
import { createRng } from "./trace/world";

const PER_PAGE = 100;

export type QueryBenchResult = {
  query_p95_ms: number;
  match_epc_p95_ms: number;
  time_window_p95_ms: number;
  baseline_query_p95_ms: number;
  first_query_ms: number;
  visible_share: number;
  events: number;
  seed_seconds: number;
};

const memberOf = (org: number, kind: "RETAILER" | "REGULATOR"): Pick<Member, "organization"> => ({
  organization: {
    id: kind === "REGULATOR" ? "regulator" : `org-${org}`,
    name: `Org ${org}`,
    kind,
    gln: String(org).padStart(13, "0"),
    chainAddress: addressOf(org),
  },
});

export async function runQueryBench(argv: string[], say: (line: string) => void) {
  const events = wholeNumberFlag(argv, "--events", 1_000_000);
  const lots = wholeNumberFlag(argv, "--lots", Math.max(1, Math.round(events / 20)));
  const samples = wholeNumberFlag(argv, "--samples", 200);
  const organizations = 20;
  const postgres = await startBenchDatabase("epcis-query");
  try {
    say(`query: seeding ${events} events over ${lots} lots…`);
    const seeded = await seedEpcisRepository({
      databaseUrl: postgres.databaseUrl,
      events,
      lots,
      organizations,
      say,
    });
    const db = createPrismaClient(postgres.databaseUrl);
    try {
      const random = createRng(18).next;
      const epcQueries = Array.from(
        { length: samples },
        () =>
          `MATCH_epc=${epcOf(Math.floor(random() * lots), Math.floor(random() * PACKAGES_PER_LOT))}`,
      );
      const windowQueries = Array.from({ length: samples }, () => {
        const start = YEAR_START + Math.floor(random() * (YEAR_MS - 86_400_000));
        return `GE_eventTime=${new Date(start).toISOString()}&LT_eventTime=${new Date(start + 86_400_000).toISOString()}`;
      });
      const member = memberOf(3, "RETAILER");
      const run = (who: Pick<Member, "organization">) => (search: string) =>
        pageOf(db, who, search);
      // The first query of an organisation gathers its visible lots (kept until the ledger moves).
      const coldStart = performance.now();
      await run(memberOf(5, "RETAILER"))(windowQueries[0] as string);
      const firstQueryMs = performance.now() - coldStart;
      // Warm the caches the way a running server has them.
      await timeEach(epcQueries.slice(0, 20), run(member));
      const epcTimes = await timeEach(epcQueries, run(member));
      const windowTimes = await timeEach(windowQueries, run(member));
      const baseline = await timeEach(
        [...epcQueries, ...windowQueries],
        run(memberOf(0, "REGULATOR")),
      );
      const sampled = await db.$queryRaw<{ organizationId: string; lotIds: string[] }[]>`
        SELECT "organizationId", "lotIds" FROM "EpcisEvent" TABLESAMPLE SYSTEM (1) LIMIT 5000`;
      const visible = await eventVisibility({ db, member }).filter(sampled);
      return {
        query_p95_ms: percentile([...epcTimes, ...windowTimes], 95),
        match_epc_p95_ms: percentile(epcTimes, 95),
        time_window_p95_ms: percentile(windowTimes, 95),
        baseline_query_p95_ms: percentile(baseline, 95),
        first_query_ms: Math.round(firstQueryMs * 10) / 10,
        visible_share: Math.round((visible.length / sampled.length) * 1000) / 1000,
        events,
        seed_seconds: Math.round(seeded.seconds),
      } satisfies QueryBenchResult;
    } finally {
      await db.$disconnect();
    }
  } finally {
    await postgres.stop();
  }
}

async function pageOf(db: Db, member: Pick<Member, "organization">, search: string) {
  const query = parseEventQuery(Object.fromEntries(new URLSearchParams(search)));
  return findEpcisEvents({ db, member, query, perPage: PER_PAGE, after: null });
}
