import { describe, expect, it } from "vitest";
import { createStallWatch } from "./stall-watch";

describe("the indexer's stall watch", () => {
  function watchAt() {
    const clock = { ms: 0 };
    const lines: string[] = [];
    const watch = createStallWatch({
      alertAfterMs: 60_000,
      log: (l) => lines.push(l),
      now: () => clock.ms,
    });
    return { clock, lines, watch };
  }

  it("alerts once when the checkpoint stays put while the chain moves on, and says when it moves again", () => {
    const { clock, lines, watch } = watchAt();
    watch.observe({ indexedBlock: 10, head: 12 });
    clock.ms = 59_000;
    watch.observe({ indexedBlock: 10, head: 15 });
    expect(lines).toEqual([]);
    clock.ms = 61_000;
    watch.observe({ indexedBlock: 10, head: 16, lastError: "the database refused the batch" });
    clock.ms = 120_000;
    watch.observe({ indexedBlock: 10, head: 17 });
    expect(lines).toEqual([
      "indexer: ALERT: the read model has stayed at block 10 for 61 s while the chain is at block 16 (last error: the database refused the batch); pages, recall banners included, show the ledger as it was then",
    ]);
    watch.observe({ indexedBlock: 17, head: 17 });
    expect(lines.at(-1)).toBe("indexer: the read model moves again (block 17)");
  });

  it("stays quiet while the read model is at the head, however long the chain is idle", () => {
    const { clock, lines, watch } = watchAt();
    for (let minute = 0; minute < 10; minute++) {
      clock.ms = minute * 60_000;
      watch.observe({ indexedBlock: 40, head: 40 });
    }
    expect(lines).toEqual([]);
  });
});
