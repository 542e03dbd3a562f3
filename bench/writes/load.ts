import type { Db } from "@/lib/db/client";
import { getIndexedBlock } from "@/lib/indexer/indexer";
import type { Backend } from "./backend";

// The writes bench's load: API clients of the organisations that make lots, each sending one write
// after another for a fixed time: a handoff of one of its lots that is on the ledger when it has one,
// otherwise a new lot (POST /api/lots, the receiving CTE). An observer reads the outbox and the
// indexer's checkpoint every OBSERVE_MS and stamps each write when it is on the ledger: confirmed,
// and read into the database.

const OBSERVE_MS = 25;
const DRAIN_MS = 60_000;

type Sample = {
  startedAt: number;
  ackedAt: number;
  onLedgerAt?: number;
  client: number;
  lotId?: string;
};
export type LoadResult = {
  writes_per_s: number;
  ack_p50_ms: number;
  ack_p95_ms: number;
  to_ledger_p50_ms: number;
  to_ledger_p95_ms: number;
  acknowledged: number;
  on_ledger: number;
  failed: number;
  refused: number;
};

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(
    sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? 0,
  );
}

export async function runLoad(
  backend: Backend,
  { clients, seconds, log }: { clients: number; seconds: number; log: (line: string) => void },
): Promise<LoadResult> {
  const { db, chainId } = backend.stack.prepared;
  const samples = new Map<string, Sample>();
  const outstanding = new Set<string>();
  const ready: string[][] = Array.from({ length: clients }, () => []);
  let failed = 0;
  let refused = 0;
  // Warm-up, outside the clock: each organisation's first request loads the routes' code and its
  // key's session; 200 first requests at once would measure a cold start instead.
  for (const [i, writer] of backend.writers.entries()) {
    const response = await fetch(`${backend.baseUrl}/api/lots`, {
      method: "POST",
      headers: { authorization: `Bearer ${writer.apiKey}`, "content-type": "application/json" },
      body: JSON.stringify({ gtin: writer.gtin, lotCode: `WARM-${i}`, quantity: "10", unit: "kg" }),
    });
    if (response.status !== 202) throw new Error(`Warm-up refused: ${await response.text()}`);
  }
  const startedAt = performance.now();
  const endAt = startedAt + seconds * 1_000;

  const client = async (index: number) => {
    const writer = backend.writers[
      index % backend.writers.length
    ] as (typeof backend.writers)[number];
    const headers = {
      authorization: `Bearer ${writer.apiKey}`,
      "content-type": "application/json",
    };
    for (let i = 0; performance.now() < endAt; i++) {
      const lotId = ready[index]?.shift();
      const [url, body] = lotId
        ? [`${backend.baseUrl}/api/lots/${lotId}/handoffs`, { recipientGln: backend.recipientGln }]
        : [
            `${backend.baseUrl}/api/lots`,
            { gtin: writer.gtin, lotCode: `W${index}-${i}`, quantity: "10", unit: "kg" },
          ];
      const sentAt = performance.now();
      const response = await fetch(url, { method: "POST", headers, body: JSON.stringify(body) });
      const answer = (await response.json().catch(() => ({}))) as Record<string, string>;
      if (response.status !== 202) {
        if (refused++ === 0)
          log(`bench:writes: first refusal: ${response.status} ${JSON.stringify(answer)}`);
        continue;
      }
      const ackedAt = performance.now();
      // The baseline's POST /api/lots answered the lot's id and where its write stood, not the write's id.
      const writeId =
        answer.writeId ??
        (
          await db.ledgerTransaction.findFirstOrThrow({
            where: { lotId: answer.lotId, method: "createLot" },
            select: { id: true },
          })
        ).id;
      samples.set(writeId, {
        startedAt: sentAt,
        ackedAt,
        client: index,
        lotId: lotId ? undefined : answer.lotId,
      });
      outstanding.add(writeId);
    }
  };

  let isLoading = true;
  const observe = async () => {
    const drainUntil = () => (isLoading ? Number.POSITIVE_INFINITY : endAt + DRAIN_MS);
    while ((isLoading || outstanding.size > 0) && performance.now() < drainUntil()) {
      await new Promise((resolve) => setTimeout(resolve, OBSERVE_MS));
      if (outstanding.size === 0) continue;
      const [indexed, rows] = await Promise.all([
        getIndexedBlock(db as Db, chainId),
        db.ledgerTransaction.findMany({
          where: { id: { in: [...outstanding] }, status: { in: ["CONFIRMED", "FAILED"] } },
          select: { id: true, status: true, blockNumber: true },
        }),
      ]);
      const now = performance.now();
      for (const row of rows) {
        const sample = samples.get(row.id) as Sample;
        if (row.status === "FAILED") {
          failed += 1;
          outstanding.delete(row.id);
        } else if ((row.blockNumber as number) <= indexed) {
          sample.onLedgerAt = now;
          outstanding.delete(row.id);
          if (sample.lotId) ready[sample.client]?.push(sample.lotId);
        }
      }
    }
  };

  const observing = observe();
  await Promise.all(Array.from({ length: clients }, (_, i) => client(i)));
  isLoading = false;
  log(`bench:writes: ${samples.size} writes acknowledged; waiting for the ledger`);
  await observing;
  const all = [...samples.values()];
  const landed = all.filter((s) => s.onLedgerAt !== undefined);
  const lastOnLedger = Math.max(...landed.map((s) => s.onLedgerAt as number));
  return {
    writes_per_s: Math.round((landed.length / (lastOnLedger - startedAt)) * 1_000 * 10) / 10,
    ack_p50_ms: percentile(
      all.map((s) => s.ackedAt - s.startedAt),
      50,
    ),
    ack_p95_ms: percentile(
      all.map((s) => s.ackedAt - s.startedAt),
      95,
    ),
    to_ledger_p50_ms: percentile(
      landed.map((s) => (s.onLedgerAt as number) - s.startedAt),
      50,
    ),
    to_ledger_p95_ms: percentile(
      landed.map((s) => (s.onLedgerAt as number) - s.startedAt),
      95,
    ),
    acknowledged: all.length,
    on_ledger: landed.length,
    failed,
    refused,
  };
}
