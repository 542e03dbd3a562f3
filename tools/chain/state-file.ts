import { existsSync } from "node:fs";
import { open, readFile, rename, stat } from "node:fs/promises";

// anvil rewrites its whole state file every second, in place. A kill during that rewrite (seen in the
// chaos test at 1.86 MB: "EOF while parsing a string") leaves it cut short, and anvil then refuses to
// start on it: the embedded chain, and every lot on it, would be gone. So beside it LotLedger keeps a
// last good copy — copied only after it parses, written to a temporary file and renamed, so the copy
// itself is always whole — and starts from that copy when the state file is damaged. The blocks
// mined after the copy are lost: the sender sends their writes again (it re-checks recent receipts)
// and the indexer rolls back what the chain no longer has.

export function goodCopyOf(stateFile: string): string {
  return stateFile.replace(/(\.json)?$/, ".good.json");
}

/** The block a state's JSON names as its head (`best_block_number`, else its block environment's). */
function headOf(state: { best_block_number?: number | string; block?: { number?: string } }) {
  const head = state.best_block_number ?? state.block?.number;
  return head === undefined ? null : Number(head);
}

/** The head block named at the start of a state file, readable even when the rest is cut off. */
function headOfDamaged(text: string): number | null {
  const match = /^\{"block":\{"number":"(0x[0-9a-fA-F]+)"/.exec(text);
  return match ? Number(match[1]) : null;
}

async function parsedOrNull(file: string): Promise<{ text: string; state: object | null }> {
  const text = await readFile(file, "utf8").catch(() => "");
  try {
    return { text, state: JSON.parse(text) as object };
  } catch {
    return { text, state: null };
  }
}

/** Writes `text` whole or not at all: to a temporary file, flushed to disk, then renamed over `file`. */
async function writeAtomically(file: string, text: string): Promise<void> {
  const temporary = `${file}.tmp`;
  const handle = await open(temporary, "w");
  try {
    await handle.writeFile(text);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temporary, file);
}

/**
 * Before anvil loads `stateFile`: when it is missing or does not parse and a good copy exists, puts
 * the good copy in its place and logs how many blocks were lost. Throws a sentence saying what to do
 * when it is damaged and there is no good copy.
 */
export async function restoreStateFile(
  stateFile: string,
  log: (line: string) => void,
): Promise<void> {
  const goodCopy = goodCopyOf(stateFile);
  const hasStateFile = existsSync(stateFile);
  if (!hasStateFile && !existsSync(goodCopy)) return; // a new chain
  const current = await parsedOrNull(stateFile);
  if (current.state) return;
  const good = await parsedOrNull(goodCopy);
  if (!good.state) {
    throw new Error(
      `The embedded chain's state file ${stateFile} is damaged (it does not parse) and there is no good copy to start from. Move the folder ${stateFile.replace(/[/\\][^/\\]*$/, "")} away to start a new, empty chain; the database then no longer matches it, so start with a new DATA_DIR too.`,
    );
  }
  const goodHead = headOf(good.state);
  const lostHead = headOfDamaged(current.text);
  if (hasStateFile) await rename(stateFile, `${stateFile}.damaged`);
  await writeAtomically(stateFile, good.text);
  const lostCount = lostHead !== null && goodHead !== null ? lostHead - goodHead : null;
  const lost =
    lostCount === null
      ? "the blocks mined after it were lost"
      : lostCount <= 0
        ? "no block was lost"
        : `${lostCount} block(s) (${(goodHead as number) + 1} to ${lostHead}) were lost`;
  log(
    `the embedded chain's state file was ${hasStateFile ? "cut short (kept as state.json.damaged)" : "missing"}: starting from the last good copy, at block ${goodHead}; ${lost}. The sender sends their writes again and the indexer rolls back what the chain no longer has.`,
  );
}

export type GoodCopyKeeper = {
  /** Copies the state file now if it changed and parses; true when the copy is up to date. */
  saveNow(): Promise<boolean>;
  stop(): Promise<void>;
};

/** Keeps the good copy of `stateFile` up to date: every `everyMs`, if anvil wrote it since. */
export function keepGoodCopy(stateFile: string, everyMs = 2_000): GoodCopyKeeper {
  const goodCopy = goodCopyOf(stateFile);
  let copied = "";
  let running: Promise<boolean> = Promise.resolve(true);
  const copy = async (): Promise<boolean> => {
    const stamp = await stat(stateFile).then(
      (file) => `${file.mtimeMs}:${file.size}`,
      () => null,
    );
    if (stamp === null) return false;
    if (stamp === copied) return true;
    const { text, state } = await parsedOrNull(stateFile);
    if (!state) return false; // caught anvil in the middle of a rewrite: next time
    await writeAtomically(goodCopy, text);
    copied = stamp;
    return true;
  };
  const saveNow = () => {
    running = running.then(copy, copy);
    return running;
  };
  const timer = setInterval(() => void saveNow().catch(() => false), everyMs);
  timer.unref();
  return {
    saveNow,
    async stop() {
      clearInterval(timer);
      await running.catch(() => false);
    },
  };
}
