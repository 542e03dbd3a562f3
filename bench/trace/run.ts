import { createPrismaClient, type Db } from "@/lib/db/client";
import { getFsmaSpreadsheet, getRecallScope, traceBack, traceForward } from "@/lib/trace";
import { naiveTrace } from "./baseline";
import { percentile, round, timeEach } from "./measure";

/** Spreadsheets timed: the first lots of the sample, and the one with the largest recall scope. */
const FSMA_SAMPLES = 50;

/**
 * Times lib/trace on the sampled lots, one call at a time, and the baseline on the first
 * `baselineSamples` of them; checks the two find the same lots.
 */
export async function measureTrace(options: {
  databaseUrl: string;
  lotIds: string[];
  baselineSamples: number;
}) {
  const { lotIds } = options;
  const db = createPrismaClient(options.databaseUrl);
  try {
    // Warm-up (connections, query plans), not measured.
    for (const lotId of lotIds.slice(0, 20)) await getRecallScope({ db, lotId });

    let largest = { lotId: lotIds[0] as string, lots: 0 };
    const back = await timeEach(lotIds, (lotId) => traceBack({ db, lotId }));
    const forward = await timeEach(lotIds, (lotId) => traceForward({ db, lotId }));
    const scope = await timeEach(lotIds, async (lotId) => {
      const lots = (await getRecallScope({ db, lotId }))?.lots.length ?? 0;
      if (lots > largest.lots) largest = { lotId, lots };
    });
    let fsmaRows = 0;
    const fsmaIds = [...lotIds.slice(0, FSMA_SAMPLES), largest.lotId];
    const fsma = await timeEach(fsmaIds, async (lotId) => {
      fsmaRows = Math.max(fsmaRows, (await getFsmaSpreadsheet({ db, lotId }))?.rows.length ?? 0);
    });

    const baselineIds = lotIds.slice(0, options.baselineSamples);
    const naiveBack = await timeEach(baselineIds, (lotId) => naiveTrace(db, lotId, "back"));
    const naiveForward = await timeEach(baselineIds, (lotId) => naiveTrace(db, lotId, "forward"));
    await assertSameLots(db, baselineIds);
    return {
      samples: lotIds.length,
      trace_p95_ms: percentile([...back, ...forward], 95),
      recall_scope_p95_ms: percentile(scope, 95),
      fsma_export_ms: round(Math.max(...fsma)),
      trace_back_p95_ms: percentile(back, 95),
      trace_forward_p95_ms: percentile(forward, 95),
      trace_p50_ms: percentile([...back, ...forward], 50),
      recall_scope_p50_ms: percentile(scope, 50),
      recall_scope_max_ms: round(Math.max(...scope)),
      recall_scope_largest_lots: largest.lots,
      fsma_export_p50_ms: percentile(fsma, 50),
      fsma_export_samples: fsmaIds.length,
      fsma_export_largest_rows: fsmaRows,
      baseline: {
        samples: baselineIds.length,
        trace_p95_ms: percentile([...naiveBack, ...naiveForward], 95),
        trace_p50_ms: percentile([...naiveBack, ...naiveForward], 50),
        recall_scope_p95_ms: percentile(naiveForward, 95),
      },
    };
  } finally {
    await db.$disconnect();
  }
}

/** The engine and the baseline must find the same lots, or the comparison means nothing. */
async function assertSameLots(db: Db, lotIds: string[]): Promise<void> {
  for (const lotId of lotIds) {
    for (const [direction, trace] of [
      ["back", traceBack],
      ["forward", traceForward],
    ] as const) {
      const ours = (await trace({ db, lotId }))?.lots.map((lot) => lot.id).sort();
      const naive = (await naiveTrace(db, lotId, direction))?.lotIds.sort();
      if (JSON.stringify(ours) !== JSON.stringify(naive)) {
        throw new Error(`trace ${direction} of ${lotId}: the engine and the baseline differ.`);
      }
    }
  }
}
