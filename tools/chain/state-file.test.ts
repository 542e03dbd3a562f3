import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { goodCopyOf, keepGoodCopy, restoreStateFile } from "./state-file";

let directory: string;
let stateFile: string;
const state = (head: number) =>
  JSON.stringify({ block: { number: `0x${head.toString(16)}` }, best_block_number: head });

beforeEach(async () => {
  directory = await mkdtemp(path.join(tmpdir(), "lotledger-state-file-"));
  stateFile = path.join(directory, "state.json");
});

afterEach(() => rm(directory, { recursive: true, force: true }));

describe("the last good copy of anvil's state file", () => {
  it("copies only a state that parses, and never leaves a half-written copy", async () => {
    const keeper = keepGoodCopy(stateFile, 3_600_000);
    await writeFile(stateFile, state(7));
    expect(await keeper.saveNow()).toBe(true);
    await writeFile(stateFile, state(9).slice(0, 20)); // anvil caught in the middle of a rewrite
    expect(await keeper.saveNow()).toBe(false);
    await keeper.stop();
    expect(await readFile(goodCopyOf(stateFile), "utf8")).toBe(state(7));
    expect(existsSync(`${goodCopyOf(stateFile)}.tmp`)).toBe(false);
  });

  it("leaves a state file that parses as it is, and a new chain alone", async () => {
    const lines: string[] = [];
    await restoreStateFile(stateFile, (line) => lines.push(line));
    await writeFile(stateFile, state(12));
    await writeFile(goodCopyOf(stateFile), state(10));
    await restoreStateFile(stateFile, (line) => lines.push(line));
    expect(lines).toEqual([]);
    expect(await readFile(stateFile, "utf8")).toBe(state(12));
  });

  it("starts from the good copy when the state file is gone", async () => {
    await writeFile(goodCopyOf(stateFile), state(10));
    const lines: string[] = [];
    await restoreStateFile(stateFile, (line) => lines.push(line));
    expect(await readFile(stateFile, "utf8")).toBe(state(10));
    expect(lines).toEqual([
      "the embedded chain's state file was missing: starting from the last good copy, at block 10; the blocks mined after it were lost. The sender sends their writes again and the indexer rolls back what the chain no longer has.",
    ]);
  });
});
