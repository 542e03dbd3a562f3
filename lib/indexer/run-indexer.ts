import { isLedgerUnreachable } from "@/lib/chain/errors";
import { type IndexerSource, indexNextBatch } from "./indexer";

/**
 * Follows the chain until `signal` aborts: batches back-to-back while behind, a poll every `pollMs`
 * when caught up, and a retry with a one-line notice while the chain or the database is down.
 */
export async function runIndexer(
  source: IndexerSource,
  {
    signal,
    pollMs = 200,
    log = console.log,
  }: { signal: AbortSignal; pollMs?: number; log?: (line: string) => void },
): Promise<void> {
  let failing: string | null = null;
  while (!signal.aborted) {
    let waitMs = pollMs;
    try {
      const { blocks } = await indexNextBatch(source);
      if (failing) log("indexer: reconnected, indexing again");
      failing = null;
      if (blocks > 0) waitMs = 0;
    } catch (error) {
      const reason = isLedgerUnreachable(error)
        ? "the ledger is unreachable"
        : `${error instanceof Error ? error.message.split("\n")[0] : String(error)}`;
      if (reason !== failing) log(`indexer: ${reason}; retrying every 2 s`);
      failing = reason;
      waitMs = 2_000;
    }
    if (waitMs > 0) await sleep(waitMs, signal);
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const onAbort = () => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal.addEventListener("abort", onAbort, { once: true });
  });
}
