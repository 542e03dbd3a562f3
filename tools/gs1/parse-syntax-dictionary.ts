import type { AiCharset, AiComponent, DictionaryEntry } from "@/lib/gs1/ai-format";

const COMPONENT = /^(\[)?([NXYZ])(\.\.)?(\d+)(\])?((?:,[a-z0-9]+)*)$/;
const AI_RANGE = /^(\d{2,4})(?:-(\d{2,4}))?$/;
const FLAGS = /^[^A-Za-z0-9[]+$/;
const KNOWN_FLAGS = new Set(["*", "?"]);

/**
 * Reads GS1's Barcode Syntax Dictionary (format: the file's own header) into entries. Stops with a
 * sentence naming the line when the file uses something this reader or LotLedger's linters
 * (`knownLinters`) do not know, so a new GS1 release never silently loses a check.
 */
export function parseSyntaxDictionary(
  text: string,
  knownLinters: ReadonlySet<string>,
): DictionaryEntry[] {
  const entries: DictionaryEntry[] = [];
  text.split("\n").forEach((line, index) => {
    if (line.trim() === "" || line.startsWith("#")) return;
    const fail = (problem: string): never => {
      throw new Error(`gs1-syntax-dictionary.txt line ${index + 1}: ${problem}: ${line}`);
    };
    const hash = line.indexOf("#");
    const title = hash < 0 ? "" : line.slice(hash + 1).trim();
    const tokens = (hash < 0 ? line : line.slice(0, hash)).trim().split(/\s+/);

    const range = AI_RANGE.exec(tokens.shift() ?? "") ?? fail("no AI or AI range");
    const first = range[1] ?? "";
    const last = range[2] ?? first;
    const flags = FLAGS.test(tokens[0] ?? "") ? (tokens.shift() ?? "") : "";
    for (const flag of flags) if (!KNOWN_FLAGS.has(flag)) fail(`unknown flag “${flag}”`);

    const components: AiComponent[] = [];
    while (tokens[0] !== undefined && COMPONENT.test(tokens[0])) {
      components.push(readComponent(tokens.shift() ?? "", knownLinters, fail));
    }
    if (components.length === 0) fail("no format specification");
    components.forEach((component, position) => {
      const isLast = position === components.length - 1;
      if (component.minLength !== component.maxLength && !isLast) {
        fail("a variable-length component before the last one");
      }
      if (position > 0 && components[position - 1]?.isOptional && !component.isOptional) {
        fail("a mandatory component after an optional one");
      }
    });

    const entry: DictionaryEntry = {
      first,
      last,
      title,
      hasPredefinedLength: flags.includes("*"),
      isDigitalLinkAttribute: flags.includes("?"),
      components,
      requires: [],
      excludes: [],
    };
    for (const token of tokens) readAttribute(entry, token, fail);
    entries.push(entry);
  });
  return entries;
}

function readComponent(
  token: string,
  knownLinters: ReadonlySet<string>,
  fail: (problem: string) => never,
): AiComponent {
  const [, open, charset, dots, length, close, linterList] = COMPONENT.exec(token) ?? [];
  if (Boolean(open) !== Boolean(close)) fail(`unbalanced brackets in “${token}”`);
  const linters = (linterList ?? "").split(",").filter(Boolean);
  for (const linter of linters) {
    if (!knownLinters.has(linter)) fail(`linter “${linter}” is not implemented in lib/gs1/linters`);
  }
  const max = Number(length);
  return {
    charset: charset as AiCharset,
    minLength: dots ? 1 : max,
    maxLength: max,
    isOptional: Boolean(open),
    linters,
  };
}

function readAttribute(entry: DictionaryEntry, token: string, fail: (problem: string) => never) {
  const [key, value] = token.split("=") as [string, string | undefined];
  const list = (value ?? "").split(",").filter(Boolean);
  if (key === "req" && list.length > 0) {
    entry.requires.push(list.map((group) => group.split("+")));
  } else if (key === "ex" && list.length > 0) {
    entry.excludes.push(...list);
  } else if (key === "dlpkey") {
    entry.digitalLinkQualifiers =
      value === undefined ? [[]] : value.split("|").map((s) => s.split(","));
  } else {
    fail(`unknown attribute “${token}”`);
  }
}
