import { type EventFragment, getAddress, type Interface, type ParamType } from "ethers";

/** A struct argument (a tuple) as plain JSON: its fields by name, each as a word is printed. */
export type EventTuple = Record<string, string>;

/** Event arguments as plain JSON: numbers in decimal, bytes in hex, arrays and structs of those. */
export type EventArgs = Record<string, string | string[] | EventTuple>;

export type DecodedLog = {
  blockNumber: number;
  blockHash: string;
  txHash: string;
  txIndex: number;
  logIndex: number;
  name: string;
  args: EventArgs;
};

/**
 * A log the indexer will not apply, with the reason in a sentence: one whose arguments do not
 * decode (here), or one that decodes but cannot be applied (screen.ts). It goes to QuarantinedEvent.
 */
export type RejectedLog = Omit<DecodedLog, "args"> & {
  lotId: string | null;
  reason: string;
  /** The decoded arguments, or the raw topics and data of a log that does not decode. */
  args: EventArgs | { topics: string[]; data: string };
};

/** The fields of a log this module reads: an ethers `Log` has them, as does a raw log converted. */
export type LogFields = {
  blockNumber: number;
  blockHash: string;
  transactionHash: string;
  transactionIndex: number;
  index: number;
  topics: readonly string[];
  data: string;
};

// ethers' Interface.parseLog took ~190 µs per log here and its AbiCoder ~95 µs: a 50,000-event
// reindex spent 5–10 s decoding alone. Every LotTracker event is made of 32-byte words (addresses,
// uintN, bytesN, bool, bytes32[], and structs of such words laid out inline, like DeviceReadingsAnchored's
// ReadingBatch), which read straight from the hex in ~1 µs. Any other shape,
// and any word that ethers would reject or read differently, goes through parseLog as before, so
// the output is exactly parseLog's (decode.test.ts compares them on every event of the ABI).

/** Reads one 32-byte word (64 hex digits, no 0x) as parseLog would print it; undefined: ask ethers. */
type WordReader = (word: string) => string | undefined;
type FieldReader = { name: string; word: WordReader };
type ArgReader = {
  name: string;
  indexed: boolean;
  word: WordReader;
  isArray: boolean;
  /** A static struct's fields, one head word each. */
  fields?: FieldReader[];
};
type EventReader = { fragment: EventFragment; topicCount: number; args: ArgReader[] | undefined };

const ZEROS = "0".repeat(64);
const checksummed = new Map<string, string>();

function readAddress(word: string): string | undefined {
  if (!word.startsWith(ZEROS.slice(0, 24))) return undefined;
  const hex = word.slice(24).toLowerCase();
  let address = checksummed.get(hex);
  if (!address) {
    address = getAddress(`0x${hex}`);
    checksummed.set(hex, address);
  }
  return address;
}

function wordReaderOf(type: string): WordReader | undefined {
  if (type === "address") return readAddress;
  if (type === "bool") return (word) => String(BigInt(`0x${word}`) !== 0n);
  const int = /^(u?)int(\d*)$/.exec(type);
  if (int) {
    const bits = Number(int[2] || 256);
    return int[1]
      ? (word) => BigInt.asUintN(bits, BigInt(`0x${word}`)).toString()
      : (word) => BigInt.asIntN(bits, BigInt(`0x${word}`)).toString();
  }
  const bytes = /^bytes(\d+)$/.exec(type);
  if (bytes) {
    const digits = 2 * Number(bytes[1]);
    return (word) => `0x${word.slice(0, digits).toLowerCase()}`;
  }
  return undefined;
}

/** A struct of plain words (no arrays, strings or nested structs), or undefined: ask ethers. */
function fieldReadersOf(input: ParamType): FieldReader[] | undefined {
  const fields: FieldReader[] = [];
  for (const component of input.components ?? []) {
    const word = wordReaderOf(component.type);
    if (!word) return undefined;
    fields.push({ name: component.name, word });
  }
  return fields;
}

function eventReaderOf(fragment: EventFragment): EventReader {
  const args: ArgReader[] = [];
  for (const input of fragment.inputs) {
    if (input.baseType === "tuple") {
      const fields = input.indexed ? undefined : fieldReadersOf(input);
      if (!fields) return { fragment, topicCount: 0, args: undefined };
      args.push({
        name: input.name,
        indexed: false,
        word: () => undefined,
        isArray: false,
        fields,
      });
      continue;
    }
    const isArray = input.baseType === "array" && input.arrayLength === -1;
    const word = wordReaderOf(isArray ? (input.arrayChildren?.type ?? "") : input.type);
    // Indexed arrays are stored as their hash, which parseLog returns as an object: left to it.
    if (!word || (isArray && input.indexed)) return { fragment, topicCount: 0, args: undefined };
    args.push({ name: input.name, indexed: input.indexed === true, word, isArray });
  }
  const topicCount = 1 + args.filter((arg) => arg.indexed).length;
  return { fragment, topicCount, args: fragment.anonymous ? undefined : args };
}

const readersByInterface = new WeakMap<Interface, Map<string, EventReader>>();

function readersOf(contract: Interface): Map<string, EventReader> {
  let readers = readersByInterface.get(contract);
  if (!readers) {
    readers = new Map();
    const byTopic = readers;
    contract.forEachEvent((fragment) => byTopic.set(fragment.topicHash, eventReaderOf(fragment)));
    readersByInterface.set(contract, readers);
  }
  return readers;
}

/** The arguments read word by word, or undefined when this log needs ethers' full decoder. */
function readArgs(reader: EventReader, topics: readonly string[], data: string) {
  if (!reader.args || topics.length !== reader.topicCount || !data.startsWith("0x")) return;
  const hex = data.slice(2);
  const wordAt = (i: number) => (64 * i + 64 <= hex.length ? hex.slice(64 * i, 64 * i + 64) : "");
  const args: EventArgs = {};
  let topic = 1;
  let head = 0;
  for (const arg of reader.args) {
    if (arg.indexed) {
      const value = arg.word((topics[topic++] ?? "").slice(2));
      if (value === undefined) return;
      args[arg.name] = value;
      continue;
    }
    if (arg.fields) {
      const tuple: EventTuple = {};
      for (const field of arg.fields) {
        const word = wordAt(head++);
        const value = word ? field.word(word) : undefined;
        if (value === undefined) return;
        tuple[field.name] = value;
      }
      args[arg.name] = tuple;
      continue;
    }
    const word = wordAt(head++);
    if (!word) return;
    if (!arg.isArray) {
      const value = arg.word(word);
      if (value === undefined) return;
      args[arg.name] = value;
      continue;
    }
    // A dynamic array: the head holds the byte offset of its length word, the items follow it.
    const offset = Number.parseInt(word, 16);
    const start = offset / 32;
    const lengthWord = Number.isInteger(start) ? wordAt(start) : "";
    const length = lengthWord ? Number.parseInt(lengthWord, 16) : Number.NaN;
    if (!Number.isSafeInteger(length) || !wordAt(start + length)) return;
    const items: string[] = [];
    for (let i = 1; i <= length; i++) {
      const value = arg.word(wordAt(start + i));
      if (value === undefined) return;
      items.push(value);
    }
    args[arg.name] = items;
  }
  return args;
}

function parseWithEthers(contract: Interface, log: LogFields) {
  const parsed = contract.parseLog({ topics: [...log.topics], data: log.data });
  if (!parsed) return undefined;
  const args: EventArgs = {};
  parsed.fragment.inputs.forEach((input, i) => {
    args[input.name] = plainArg(input, parsed.args[i]);
  });
  return { name: parsed.name, args };
}

/** One argument as parseLog reads it, in EventArgs' shape: a struct by its fields' names. */
export function plainArg(input: ParamType, value: unknown): EventArgs[string] {
  if (input.baseType === "tuple" && Array.isArray(value)) {
    const fields = input.components ?? [];
    return Object.fromEntries(fields.map((field, i) => [field.name, String(value[i])]));
  }
  return Array.isArray(value) ? value.map(String) : String(value);
}

/**
 * Decodes contract logs into plain records, sorted in chain order: (block, tx index, log index).
 * Logs of other events (none today) are skipped. A log of one of the contract's events whose
 * arguments do not decode (too few topics, short data, an address with high bits set) goes to
 * `rejected` with the reason, rather than stopping the whole batch.
 */
export function decodeLogs(
  contract: Interface,
  logs: readonly LogFields[],
  rejected: RejectedLog[] = [],
): DecodedLog[] {
  const readers = readersOf(contract);
  const decoded: DecodedLog[] = [];
  for (const log of logs) {
    const reader = readers.get(log.topics[0]?.toLowerCase() ?? "");
    const args = reader && readArgs(reader, log.topics, log.data);
    const position = {
      blockNumber: log.blockNumber,
      blockHash: log.blockHash,
      txHash: log.transactionHash,
      txIndex: log.transactionIndex,
      logIndex: log.index,
    };
    let event: ReturnType<typeof parseWithEthers>;
    try {
      event = args ? { name: reader.fragment.name, args } : parseWithEthers(contract, log);
    } catch (error) {
      rejected.push({
        ...position,
        name: reader?.fragment.name ?? "unknown",
        lotId: log.topics[1] ?? null,
        reason: `its arguments do not decode (${firstLine(error)})`,
        args: { topics: [...log.topics], data: log.data },
      });
      continue;
    }
    if (!event) continue;
    decoded.push({ ...position, name: event.name, args: event.args });
  }
  return decoded.sort(inChainOrder);
}

export function inChainOrder(a: Omit<DecodedLog, "args">, b: Omit<DecodedLog, "args">): number {
  return a.blockNumber - b.blockNumber || a.txIndex - b.txIndex || a.logIndex - b.logIndex;
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split("\n")[0]?.slice(0, 200) ?? "";
}
