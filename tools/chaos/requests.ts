import { lotIdOf } from "@/lib/chain/lot-id";
import { postUntilAnswered } from "./client";

// The chaos test's staff: `concurrency` phones at once, each sending its share of the requests one
// after another with a pause between them, so that kills land before, during and after requests.

/** Runs `run` over `items`, at most `size` at a time. */
export async function inPool<T>(
  items: readonly T[],
  size: number,
  run: (item: T, index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      await run(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, worker));
}

/** Registers `count` lots through POST /api/lots; returns their ids in request order. */
export async function createLots(
  baseUrl: string,
  cookie: string,
  {
    gtin,
    count,
    seed,
    concurrency,
  }: { gtin: string; count: number; seed: number; concurrency: number },
): Promise<string[]> {
  const lotIds: string[] = new Array(count);
  const codes = Array.from({ length: count }, (_, i) => `CHAOS-${seed}-${i}`.slice(0, 20));
  await inPool(codes, concurrency, async (lotCode, i) => {
    const created = await postUntilAnswered(`${baseUrl}/api/lots`, cookie, {
      gtin,
      lotCode,
      quantity: "10",
      unit: "kg",
    });
    // A 409 means an earlier try of this very request (timed out on a slow machine) registered it:
    // the lot codes of a run are its own. The tally checks it is on the chain exactly once.
    if (created?.status === 409 && created.body.code === "CONFLICT") {
      lotIds[i] = lotIdOf(gtin, lotCode);
      return;
    }
    if (created?.status !== 202) {
      throw new Error(`Creating ${lotCode} failed: ${JSON.stringify(created)}`);
    }
    lotIds[i] = created.body.lotId as string;
  });
  return lotIds;
}

/**
 * Hands each lot off to `recipientGln`. Returns the write ids of the handoffs the app acknowledged, and
 * the lots whose handoff was refused as already waiting: an earlier try of that very request reached
 * the outbox but its answer was lost (a killed web server, a timeout), so the caller looks it up.
 */
export async function shipLots(
  baseUrl: string,
  cookie: string,
  lotIds: readonly string[],
  {
    recipientGln,
    concurrency,
    pauseMs,
    random,
    log,
  }: {
    recipientGln: string;
    concurrency: number;
    /** The mean pause before each request of one phone. */
    pauseMs: number;
    random: () => number;
    log: (line: string) => void;
  },
): Promise<{ acknowledged: string[]; answerLost: string[] }> {
  const acknowledged: string[] = [];
  const answerLost: string[] = [];
  await inPool(lotIds, concurrency, async (lotId) => {
    await new Promise((resolve) => setTimeout(resolve, pauseMs * (0.5 + random())));
    const outcome = await postUntilAnswered(`${baseUrl}/api/lots/${lotId}/handoffs`, cookie, {
      recipientGln,
    });
    if (outcome?.status === 202) acknowledged.push(outcome.body.writeId as string);
    else if (outcome?.status === 409 && outcome.body.code === "CONFLICT") answerLost.push(lotId);
    else log(`chaos: handoff of ${lotId} not acknowledged: ${JSON.stringify(outcome)}`);
  });
  return { acknowledged, answerLost };
}
