// The indexer's own logs say when a batch fails, but only once per distinct reason, and a read model
// that silently stops moving (a node that answers but never past some block, a batch that fails the
// same way every 2 s) freezes every page, recall banners included. This watch turns "the checkpoint
// has not moved for a minute while the chain has" into one ALERT line an operator's log alerting can
// match, and says when it moves again.

export type StallWatch = {
  /** Reports where the read model and the chain stand now. */
  observe(state: { indexedBlock: number; head: number; lastError?: string | null }): void;
};

export function createStallWatch({
  alertAfterMs = 60_000,
  log,
  now = Date.now,
}: {
  alertAfterMs?: number;
  log: (line: string) => void;
  now?: () => number;
}): StallWatch {
  let block = Number.NaN;
  let since = now();
  let hasAlerted = false;
  return {
    observe({ indexedBlock, head, lastError }) {
      if (indexedBlock !== block || head <= indexedBlock) {
        if (hasAlerted) log(`indexer: the read model moves again (block ${indexedBlock})`);
        block = indexedBlock;
        since = now();
        hasAlerted = false;
        return;
      }
      const stalledMs = now() - since;
      if (hasAlerted || stalledMs < alertAfterMs) return;
      hasAlerted = true;
      const why = lastError ? ` (last error: ${lastError})` : "";
      log(
        `indexer: ALERT: the read model has stayed at block ${indexedBlock} for ${Math.round(stalledMs / 1000)} s while the chain is at block ${head}${why}; pages, recall banners included, show the ledger as it was then`,
      );
    },
  };
}
