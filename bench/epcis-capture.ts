// `node --conditions=react-server --import tsx bench/epcis-capture.ts [--json] [--capture-events N]`:
// capture of one EPCIS document of N events (10,000; bench/epcis/capture-document.ts) from its
// request body to "stored and queued for the ledger" (every event's row written, its anchor in the
// outbox), on an embedded PostgreSQL; and in the same run, the baseline of parsing and checking the
// document against the 2.0.1 JSON schema alone. `npm run bench:epcis` runs it as its capture half
// (runCaptureBench); the flag is --capture-events because --events sizes the query half.

import { createHash } from "node:crypto";
import type { Db } from "@/lib/db/client";
import { createPrismaClient } from "@/lib/db/client";
import { checkDocumentSchema } from "@/lib/epcis/epcis-schema";
import { captureDocument, runNextCaptureJob } from "@/lib/epcis-capture";
import { addTestMember, createTestOrganization } from "@/tools/testing/organizations";
import { startBenchDatabase, wholeNumberFlag } from "./embedded-database";
import { benchDocument } from "./epcis/capture-document";

export type CaptureBench = {
  events: number;
  capture_events_per_s: number;
  capture_ms: number;
  /** JSON.parse + the 2.0.1 schema over the same document: the floor any capture pays. */
  schema_only_events_per_s: number;
};

const perSecond = (events: number, ms: number) => Math.round((events / ms) * 1000);

async function captureText(db: Db, member: Parameters<typeof captureDocument>[1], text: string) {
  const body = JSON.parse(text);
  const payloadHash = createHash("sha256").update(text).digest("hex");
  const { job } = await captureDocument(db, member, {
    body,
    text,
    payloadHash,
    errorBehaviour: "ROLLBACK",
  });
  while (await runNextCaptureJob(db));
  const done = await db.epcisCaptureJob.findUniqueOrThrow({ where: { id: job.captureID } });
  if (done.status !== "SUCCESS" || done.acceptedCount !== done.eventCount) {
    throw new Error(
      `the bench capture did not store every event: ${JSON.stringify(done.results).slice(0, 300)}`,
    );
  }
}

/** Captures `events` events in one document as one organisation's API client would. */
export async function benchEpcisCapture(db: Db, events = 10_000): Promise<CaptureBench> {
  const organization = await createTestOrganization({ db, kind: "CARRIER" });
  const member = await addTestMember({ db, organizationId: organization.id, role: "STAFF" });
  // Warm up: the schema's compilation, the contexts, the database's plans.
  await captureText(db, member, JSON.stringify(benchDocument(600, 10_000_000)));
  const text = JSON.stringify(benchDocument(events));
  const schemaStart = performance.now();
  checkDocumentSchema(JSON.parse(text));
  const schemaMs = performance.now() - schemaStart;
  const start = performance.now();
  await captureText(db, member, text);
  const captureMs = performance.now() - start;
  return {
    events,
    capture_events_per_s: perSecond(events, captureMs),
    capture_ms: Math.round(captureMs),
    schema_only_events_per_s: perSecond(events, schemaMs),
  };
}

/** bench/epcis.ts's capture half: its own embedded PostgreSQL, --events events (10,000). */
export async function runCaptureBench(
  argv: string[],
  say: (line: string) => void,
): Promise<Record<string, number>> {
  const events = wholeNumberFlag(argv, "--capture-events", 10_000);
  const database = await startBenchDatabase("epcis-capture");
  const db = createPrismaClient(database.databaseUrl);
  try {
    say(`capture half: one document of ${events.toLocaleString("en")} events…`);
    const result = await benchEpcisCapture(db, events);
    say(`capture half: ${JSON.stringify(result)}`);
    return result;
  } finally {
    await db.$disconnect();
    await database.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const argv = process.argv.slice(2);
  const isJson = argv.includes("--json");
  const result = await runCaptureBench(argv, (line) =>
    isJson ? console.error(line) : console.log(line),
  );
  console.log(isJson ? JSON.stringify(result) : result);
  process.exit(0);
}
