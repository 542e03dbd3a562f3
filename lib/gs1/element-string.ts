import { checkAiAssociations } from "./ai-associations";
import { type AiDefinition, aiLengthByPrefix, getAiDefinition } from "./ai-table";
import {
  type AiInput,
  type AiValues,
  type Gs1Source,
  invalidGs1,
  requireAiDefinition,
  toAiEntries,
  validateAiValue,
} from "./ai-value";

/** FNC1 as a scanner transmits it between elements: the ASCII group separator. */
export const GS = "\u001d";

const BRACKETED_AI = /\((\d{2,4})\)/y;

/**
 * Parses an unbracketed element string as read from a GS1-128, GS1 DataMatrix or GS1 QR symbol:
 * AI, value, and a GS after each value whose AI is not of predefined length, unless it is last.
 * A leading GS (the FNC1 in first position, as some readers pass it on), a GS after a
 * predefined-length value and a trailing GS are tolerated. An AI repeated with the same value (read
 * from two symbols on one label) is kept once; with another value it is rejected.
 */
export function parseElementString(data: string, source: Gs1Source = "barcode"): AiValues {
  let rest = data.startsWith(GS) ? data.slice(1) : data;
  if (rest === "") throw invalidGs1(`This ${source} holds no GS1 data.`);
  const ais = new Map<string, string>();
  while (rest !== "") {
    if (rest.startsWith(GS)) throw invalidGs1(`This ${source} has two separators (GS) in a row.`);
    const definition = readAiAtStart(rest, source);
    rest = rest.slice(definition.ai.length);
    const end = rest.indexOf(GS);
    const field = end < 0 ? rest : rest.slice(0, end);
    const value = definition.hasPredefinedLength ? field.slice(0, definition.maxLength) : field;
    rest = rest.slice(value.length);
    if (rest.startsWith(GS)) rest = rest.slice(1);
    addElement(ais, definition.ai, value, source);
  }
  checkAiAssociations(ais, source);
  return ais;
}

/**
 * Parses the bracketed form printed under a barcode and typed by people:
 * "(01)09506000134352(10)ABC".
 * Spaces around values are ignored; a "(" inside a value is written "\(" (as in the GS1 Barcode
 * Syntax Engine) or is recognised because no "NN)" follows it.
 */
export function parseBracketedElementString(text: string, source: Gs1Source = "barcode"): AiValues {
  const input = text.trim();
  BRACKETED_AI.lastIndex = 0;
  if (!BRACKETED_AI.test(input)) {
    throw invalidGs1(
      "GS1 data in brackets starts with an AI in brackets, e.g. (01)09506000134352(10)ABC.",
    );
  }
  const ais = new Map<string, string>();
  let position = 0;
  while (position < input.length) {
    BRACKETED_AI.lastIndex = position;
    const ai = BRACKETED_AI.exec(input)?.[1] ?? "";
    requireAiDefinition(ai, source);
    position = BRACKETED_AI.lastIndex;
    let value = "";
    while (position < input.length) {
      BRACKETED_AI.lastIndex = position;
      if (BRACKETED_AI.test(input)) break;
      const isEscapedBracket = input.startsWith("\\(", position);
      value += isEscapedBracket ? "(" : input[position];
      position += isEscapedBracket ? 2 : 1;
    }
    addElement(ais, ai, value.trim(), source);
  }
  checkAiAssociations(ais, source);
  return ais;
}

/**
 * The unbracketed element string to encode after the symbol's leading FNC1, in barcode order (see
 * entriesForBarcode), with a GS only after a value whose AI is not of predefined length and that is
 * not last. Values and pairings are checked first.
 */
export function formatElementString(input: AiInput, label: OnLabel = {}): string {
  const entries = entriesForBarcode(input, label);
  return entries
    .map(([ai, value], index) => {
      const isLast = index === entries.length - 1;
      const needsSeparator = !getAiDefinition(ai)?.hasPredefinedLength && !isLast;
      return `${ai}${value}${needsSeparator ? GS : ""}`;
    })
    .join("");
}

/** The human-readable interpretation printed under a barcode: "(01)09506000134352(10)ABC". */
export function formatHumanReadable(input: AiInput, label: OnLabel = {}): string {
  return entriesForBarcode(input, label)
    .map(([ai, value]) => `(${ai})${value}`)
    .join("");
}

/**
 * The AIs a label carries in its other barcodes. GS1 checks pairings per unit, not per symbol: a
 * logistic label's (02) and (37) need the SSCC (00) that its own GS1-128 carries below them.
 */
export type OnLabel = { alsoOnLabel?: AiInput };

/**
 * Validated entries in barcode order, whatever the input order: predefined-length AIs first, then
 * the others, each group by AI — (01)(17)(10)(21), the order labels usually show.
 */
export function entriesForBarcode(
  input: AiInput,
  { alsoOnLabel = [] }: OnLabel = {},
): [string, string][] {
  const entries = toAiEntries(input, "barcode");
  for (const [ai, value] of entries) validateAiValue(ai, value, "barcode");
  checkAiAssociations(new Map([...toAiEntries(alsoOnLabel, "barcode"), ...entries]), "barcode");
  return entries.sort(([a], [b]) => compareForBarcode(a, b));
}

/** Predefined-length AIs before the others (fewer separators), then by AI. */
export function compareForBarcode(a: string, b: string): number {
  const group = (ai: string) => (getAiDefinition(ai)?.hasPredefinedLength ? 0 : 1);
  return group(a) - group(b) || (a < b ? -1 : a > b ? 1 : 0);
}

function addElement(ais: Map<string, string>, ai: string, value: string, source: Gs1Source) {
  validateAiValue(ai, value, source);
  const previous = ais.get(ai);
  if (previous !== undefined && previous !== value) {
    throw invalidGs1(`AI (${ai}) appears twice in this ${source} with different values.`);
  }
  ais.set(ai, value);
}

/** The AI an unbracketed element string starts with; a rejection names what stands there instead. */
function readAiAtStart(rest: string, source: Gs1Source): AiDefinition {
  if (!/^\d\d/.test(rest)) {
    const shown = rest.slice(0, 12).replaceAll(GS, "<GS>");
    throw invalidGs1(`This ${source} has “${shown}” where a GS1 Application Identifier should be.`);
  }
  return requireAiDefinition(rest.slice(0, aiLengthByPrefix(rest.slice(0, 2))), source);
}
