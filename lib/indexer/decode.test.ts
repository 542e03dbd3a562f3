import { randomBytes } from "node:crypto";
import { type EventFragment, hexlify, Interface, type ParamType, toBeHex } from "ethers";
import { describe, expect, it, vi } from "vitest";
import { LotTracker__factory } from "@/lib/chain/generated";
import { decodeLogs, type EventArgs, type LogFields, plainArg, type RejectedLog } from "./decode";

const lotTracker = LotTracker__factory.createInterface();

/** A random value of a parameter's type, as ethers encodes it. */
function sampleOf(param: ParamType, seed: number): unknown {
  if (param.baseType === "tuple") {
    return (param.components ?? []).map((field, i) => sampleOf(field, seed + i));
  }
  if (param.baseType === "array") {
    const length = seed % 4; // 0 to 3 items, empty arrays included
    return Array.from({ length }, (_, i) => sampleOf(param.arrayChildren as ParamType, seed + i));
  }
  if (param.type === "address") return hexlify(randomBytes(20));
  if (param.type === "bool") return seed % 2 === 0;
  const int = /^(u?)int(\d*)$/.exec(param.type);
  if (int) {
    const bits = Number(int[2] || 256);
    const value = BigInt(hexlify(randomBytes(bits / 8)));
    return int[1] ? value : BigInt.asIntN(bits, value);
  }
  const bytes = /^bytes(\d+)$/.exec(param.type);
  if (bytes) return hexlify(randomBytes(Number(bytes[1])));
  throw new Error(`No sample for ${param.type}`);
}

/** A log at position `index` of block 7 with these topics and data. */
function logAt(index: number, { topics, data }: { topics: string[]; data: string }): LogFields {
  return {
    blockNumber: 7,
    blockHash: `0x${"ab".repeat(32)}`,
    transactionHash: `0x${"cd".repeat(32)}`,
    transactionIndex: 0,
    index,
    topics,
    data,
  };
}

function logOf(contract: Interface, fragment: EventFragment, seed: number): LogFields {
  const values = fragment.inputs.map((input, i) => sampleOf(input, seed + i));
  return logAt(seed, contract.encodeEventLog(fragment, values));
}

/** What the indexer stored before it read words itself: ethers' parseLog, each value as a string. */
function parseLogArgs(contract: Interface, log: LogFields): { name: string; args: EventArgs } {
  const parsed = contract.parseLog({ topics: [...log.topics], data: log.data });
  if (!parsed) throw new Error("parseLog found no event");
  const args: EventArgs = {};
  parsed.fragment.inputs.forEach((input, i) => {
    args[input.name] = plainArg(input, parsed.args[i]);
  });
  return { name: parsed.name, args };
}

/** Checks decodeLogs against parseLog; returns how many logs decodeLogs handed to parseLog. */
function expectSameAsParseLog(contract: Interface, logs: LogFields[]): number {
  const parseLog = vi.spyOn(contract, "parseLog");
  const decoded = decodeLogs(contract, logs);
  const handedToEthers = parseLog.mock.calls.length;
  parseLog.mockRestore();
  expect(decoded).toHaveLength(logs.length);
  for (const [i, event] of decoded.entries()) {
    const expected = parseLogArgs(contract, logs[i] as LogFields);
    expect({ name: event.name, args: event.args }).toEqual(expected);
    expect(Object.keys(event.args)).toEqual(Object.keys(expected.args));
  }
  return handedToEthers;
}

describe("decodeLogs", () => {
  it("reads every event of LotTracker's ABI exactly as ethers' parseLog does", () => {
    const logs: LogFields[] = [];
    lotTracker.forEachEvent((fragment) => {
      for (let seed = 0; seed < 8; seed++) logs.push(logOf(lotTracker, fragment, logs.length));
    });
    expect(logs.length).toBeGreaterThan(8 * 10);
    expect(expectSameAsParseLog(lotTracker, logs)).toBe(0);
  });

  it("reads bool, signed and small ints the same way too, in topics and in data", () => {
    const words = new Interface([
      "event Words(bool indexed flag, int16 indexed delta, int256 big, uint8 small, bytes4 tag, bool ok, int8[] steps)",
    ]);
    const fragment = words.getEvent("Words") as EventFragment;
    const logs = Array.from({ length: 16 }, (_, seed) => logOf(words, fragment, seed));
    expect(expectSameAsParseLog(words, logs)).toBe(0);
  });

  it("reads a struct of words itself, by its fields' names, and the words after it", () => {
    const grouped = new Interface(["event Grouped((uint8 a, address b) pair, int256 total)"]);
    const fragment = grouped.getEvent("Grouped") as EventFragment;
    const log = logAt(0, grouped.encodeEventLog(fragment, [[3, toBeHex(1, 20)], -5]));
    expect(expectSameAsParseLog(grouped, [log])).toBe(0);
    expect(decodeLogs(grouped, [log])[0]?.args).toEqual({
      pair: { a: "3", b: "0x0000000000000000000000000000000000000001" },
      total: "-5",
    });
  });

  it("leaves other shapes (strings, indexed bytes, structs holding them) to parseLog", () => {
    const other = new Interface([
      "event Named(string indexed name, string label, int16 delta)",
      "event Tagged(bytes indexed blob, bool flag, bytes4 tag)",
      "event Grouped((uint8 a, string b) pair, int256 total)",
    ]);
    const logs: LogFields[] = [];
    other.forEachEvent((fragment) => {
      const values = fragment.inputs.map((input, i) => {
        if (input.type === "string") return `label ${i}`;
        if (input.type === "bytes") return "0x1234";
        return input.baseType === "tuple" ? [3, "text"] : sampleOf(input, i + 1);
      });
      logs.push(logAt(logs.length, other.encodeEventLog(fragment, values)));
    });
    expect(expectSameAsParseLog(other, logs)).toBe(logs.length);
    const byName = Object.fromEntries(decodeLogs(other, logs).map((e) => [e.name, e.args]));
    expect(byName.Named?.label).toBe("label 1");
    expect(byName.Grouped?.pair).toEqual({ a: "3", b: "text" });
  });

  it("skips logs of events the contract does not declare, and sorts in chain order", () => {
    const fragment = lotTracker.getEvent("LotConsumed") as EventFragment;
    const late = { ...logOf(lotTracker, fragment, 1), blockNumber: 9 };
    const early = { ...logOf(lotTracker, fragment, 2), blockNumber: 8, index: 5 };
    const foreign = { ...early, topics: [`0x${"11".repeat(32)}`] };
    const decoded = decodeLogs(lotTracker, [late, foreign, early]);
    expect(decoded.map((event) => [event.blockNumber, event.logIndex])).toEqual([
      [8, 5],
      [9, 1],
    ]);
  });

  it("sets aside, with the reason, a log of a LotTracker event whose arguments do not decode", () => {
    const fragment = lotTracker.getEvent("LotCreated") as EventFragment;
    const good = logOf(lotTracker, fragment, 1);
    const short = { ...logOf(lotTracker, fragment, 2), data: "0x1234" };
    const dirtyAddress = logOf(lotTracker, lotTracker.getEvent("LotRecalled") as EventFragment, 3);
    dirtyAddress.topics = [
      dirtyAddress.topics[0] as string,
      dirtyAddress.topics[1] as string,
      `0x${"ff".repeat(32)}`,
    ];
    const rejected: RejectedLog[] = [];
    const decoded = decodeLogs(lotTracker, [good, short, dirtyAddress], rejected);
    expect(decoded.map((event) => event.logIndex)).toEqual([1]);
    expect(rejected.map((log) => [log.name, log.logIndex, log.lotId])).toEqual([
      ["LotCreated", 2, short.topics[1]],
      ["LotRecalled", 3, dirtyAddress.topics[1]],
    ]);
    expect(rejected[0]?.reason).toMatch(/^its arguments do not decode \(.+\)$/);
    expect(rejected[0]?.args).toEqual({ topics: short.topics, data: "0x1234" });
  });
});
