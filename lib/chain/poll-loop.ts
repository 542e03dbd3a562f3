import { isLedgerUnreachable } from "./errors";

/**
 * Ends the poll loop's wait early: rung by a database notification (lib/db/notify.ts), so work that
 * arrives is taken at once and the idle poll is only a safety net. A ring while the loop is working
 * ends its next wait, so nothing rung is slept through.
 */
export class WakeUp {
  private isRung = false;
  private wake: (() => void) | null = null;

  ring(): void {
    this.isRung = true;
    this.wake?.();
  }

  /** Sleeps `ms`, or less when rung or aborted. */
  wait(ms: number, signal: AbortSignal): Promise<void> {
    if (this.isRung || ms <= 0) {
      this.isRung = false;
      return Promise.resolve();
    }
    return sleep(ms, signal, (wake) => {
      this.wake = wake;
    }).finally(() => {
      this.wake = null;
      this.isRung = false;
    });
  }
}

/**
 * Runs `step` until `signal` aborts: again at once while it reports work done, after `pollMs` when
 * idle (a number, or asked after each step), sooner when `wakeUp` rings, and every 2 s with a one-line
 * notice while the chain or the database is down. Used by the indexer and the outbox sender, which
 * must outlive any outage of either.
 */
export async function runPollLoop(
  name: string,
  step: () => Promise<boolean>,
  {
    signal,
    pollMs = 200,
    wakeUp = new WakeUp(),
    log = console.log,
  }: {
    signal: AbortSignal;
    pollMs?: number | (() => number);
    wakeUp?: WakeUp;
    log?: (line: string) => void;
  },
): Promise<void> {
  let failing: string | null = null;
  while (!signal.aborted) {
    let waitMs: number | null = null;
    try {
      const didWork = await step();
      if (failing) log(`${name}: reconnected`);
      failing = null;
      waitMs = didWork ? 0 : typeof pollMs === "number" ? pollMs : pollMs();
    } catch (error) {
      const reason = isLedgerUnreachable(error)
        ? "the ledger is unreachable"
        : error instanceof Error
          ? (error.message.split("\n")[0] ?? error.name)
          : String(error);
      if (reason !== failing) log(`${name}: ${reason}; retrying every 2 s`);
      failing = reason;
      await sleep(2_000, signal);
    }
    if (waitMs !== null) await wakeUp.wait(waitMs, signal);
  }
}

function sleep(
  ms: number,
  signal: AbortSignal,
  onWake?: (wake: () => void) => void,
): Promise<void> {
  return new Promise((resolve) => {
    // An abort before the sleep began fires no event: without this, a stop asked during a step
    // would wait out the whole sleep.
    if (signal.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener("abort", done, { once: true });
    onWake?.(done);
  });
}
