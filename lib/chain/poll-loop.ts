import { isLedgerUnreachable } from "./errors";

/**
 * Runs `step` until `signal` aborts: again at once while it reports work done, every `pollMs` when idle,
 * and every 2 s with a one-line notice while the chain or the database is down. Used by the indexer
 * and the outbox sender, which must outlive any outage of either.
 */
export async function runPollLoop(
  name: string,
  step: () => Promise<boolean>,
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
      const didWork = await step();
      if (failing) log(`${name}: reconnected`);
      failing = null;
      if (didWork) waitMs = 0;
    } catch (error) {
      const reason = isLedgerUnreachable(error)
        ? "the ledger is unreachable"
        : error instanceof Error
          ? (error.message.split("\n")[0] ?? error.name)
          : String(error);
      if (reason !== failing) log(`${name}: ${reason}; retrying every 2 s`);
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
