import pg from "pg";
import { emitEvents } from "./events";
import {
  insertEventBatch,
  insertLineage,
  insertLots,
  insertOrganizations,
  insertPackages,
  withoutSecondaryIndexes,
} from "./load";
import { padToEvents, planSupplyChain } from "./plan";
import { createRng, createWorld } from "./world";

export type SeedSummary = {
  lots: number;
  events: number;
  payloads: number;
  links: number;
  packages: number;
  lotIds: string[];
  seconds: number;
};

/**
 * Fills a migrated, empty database with the bench's supply chain: `lots` lots, exactly `events`
 * ledger events with their EPCIS payloads, lineage, organisations and packages. Deterministic for
 * one `seed` (hashes of transactions and blocks aside).
 */
export async function seedTraceData(options: {
  databaseUrl: string;
  lots: number;
  events: number;
  seed: number;
  say: (line: string) => void;
}): Promise<SeedSummary> {
  const started = performance.now();
  const rng = createRng(options.seed);
  const world = createWorld(rng);
  const plan = planSupplyChain(world, rng, options.lots);
  padToEvents(plan, rng, options.events);
  const client = new pg.Client({ connectionString: options.databaseUrl });
  await client.connect();
  try {
    await client.query("SET synchronous_commit = off");
    await insertOrganizations(client, world);
    let payloads = 0;
    let links = 0;
    let packages = 0;
    const tables = ["LedgerEvent", "EventPayload", "Lot", "LotLineage", "Package"];
    await withoutSecondaryIndexes(client, tables, async () => {
      // One batch in PostgreSQL while the next is built and hashed here: the two cores both work.
      let writing = Promise.resolve();
      let written = 0;
      const emitted = await emitEvents(plan, rng, async (batch) => {
        await writing;
        payloads += batch.payloads.hash.length;
        written += batch.events.name.length;
        if (written % 100_000 < batch.events.name.length) options.say(`  ${written} events…`);
        writing = insertEventBatch(client, batch);
      });
      await writing;
      if (emitted.events !== options.events) {
        throw new Error(`Planned ${options.events} events, wrote ${emitted.events}.`);
      }
      await insertLots(client, plan.lots, emitted.registrations);
      const lineage = plan.steps.flatMap((step) =>
        step.kind !== "derive"
          ? []
          : step.outputs.flatMap((output) =>
              step.inputs.map((input) => ({
                parentId: input.id,
                childId: output.id,
                kind: step.lineage,
                txHash: emitted.registrations.get(output)?.txHash ?? "",
              })),
            ),
      );
      links = lineage.length;
      await insertLineage(client, lineage);
      packages = await insertPackages(client, plan.lots, rng);
      options.say("  rebuilding indexes…");
    });
    await client.query("VACUUM ANALYZE");
    return {
      lots: plan.lots.length,
      events: options.events,
      payloads,
      links,
      packages,
      lotIds: plan.lots.map((lot) => lot.id),
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    await client.end();
  }
}
