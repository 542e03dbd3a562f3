import { AppError } from "@/lib/errors";
import type { AiComponent } from "./ai-format";
import { type AiDefinition, getAiDefinition } from "./ai-table";
import { gs1CheckDigit } from "./keys";
import { LINTERS } from "./linters";

/** AI → value, in the order they were read (or are to be written). */
export type AiValues = ReadonlyMap<string, string>;

/** AIs as a Map, a list of pairs, or a plain object such as `{ "01": gtin, "10": lot }`. */
export type AiInput = Iterable<readonly [string, string]> | Readonly<Record<string, string>>;

/** Where the data came from, for messages: "The barcode's GTIN …", "this Digital Link". */
export type Gs1Source = "barcode" | "Digital Link";

export function invalidGs1(message: string): AppError {
  return new AppError("INVALID_INPUT", message);
}

/** A character as a user can read it in a message: “#”, or U+001D for a control character. */
export function describeCharacter(character: string): string {
  const code = character.codePointAt(0) ?? 0;
  if (code < 0x20 || code === 0x7f) return `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
  return `“${character}”`;
}

export function duplicateAiMessage(ai: string, source: Gs1Source): string {
  return `AI (${ai}) appears twice in this ${source}.`;
}

/** The definition of a known AI; otherwise the rejection says which AI LotLedger does not know. */
export function requireAiDefinition(ai: string, source: Gs1Source): AiDefinition {
  const definition = getAiDefinition(ai);
  if (definition) return definition;
  if (!/^\d{2,4}$/.test(ai)) {
    throw invalidGs1(`“${ai}” is not a GS1 Application Identifier: an AI has 2 to 4 digits.`);
  }
  throw invalidGs1(
    `This ${source} contains AI (${ai}), which is not a GS1 Application Identifier.`,
  );
}

/** The pairs of any AiInput; a list of pairs that repeats an AI is rejected. */
export function toAiEntries(input: AiInput, source: Gs1Source): [string, string][] {
  const pairs: Iterable<readonly [string, string]> =
    Symbol.iterator in input
      ? (input as Iterable<readonly [string, string]>)
      : Object.entries(input as Record<string, string>);
  const entries = new Map<string, string>();
  for (const [ai, value] of pairs) {
    if (entries.has(ai)) throw invalidGs1(duplicateAiMessage(ai, source));
    entries.set(ai, value);
  }
  return [...entries];
}

const CHARSET_RULES = {
  N: { pattern: /^\d$/, allowed: "may only contain digits" },
  X: {
    pattern: /^[!"%&'()*+,\-./0-9:;<=>?A-Z_a-z]$/,
    allowed: `may only contain letters, digits and ! " % & ' ( ) * + , - . / : ; < = > ? _`,
  },
  Y: { pattern: /^[#\-/0-9A-Z]$/, allowed: "may only contain capital letters, digits and # - /" },
  Z: { pattern: /^[-_0-9A-Za-z]$/, allowed: "may only contain letters, digits, - and _" },
} as const;

/** Throws unless the last digit of a GTIN, GLN or SSCC is its GS1 check digit. */
export function assertCheckDigit(label: string, key: string, source: Gs1Source): void {
  const expected = gs1CheckDigit(key.slice(0, -1));
  if (String(expected) !== key.at(-1)) {
    throw invalidGs1(
      `The ${source}'s ${label} ${key} has a wrong check digit: the last digit should be ${expected}.`,
    );
  }
}

/**
 * Checks one AI value against its format in GS1's Syntax Dictionary: each component's character
 * set, length and linters (check digits, dates, country codes …). Each rejection names the AI and
 * says what is wrong, in one sentence.
 */
export function validateAiValue(ai: string, value: string, source: Gs1Source): void {
  const definition = requireAiDefinition(ai, source);
  const subject = `The ${source}'s ${definition.label} (${ai})`;
  if (value === "") throw invalidGs1(`${subject} is empty.`);
  const pieces = splitComponents(definition.components, value);
  for (const { component, piece, where } of pieces) {
    const rule = CHARSET_RULES[component.charset];
    const bad = [...piece].find((character) => !rule.pattern.test(character));
    if (bad !== undefined) {
      const inPart = definition.charset === "mixed" ? where : "";
      throw invalidGs1(`${subject} ${rule.allowed}${inPart}, not ${describeCharacter(bad)}.`);
    }
  }
  const lengthProblem = checkLength(definition, value.length);
  if (lengthProblem) throw invalidGs1(`${subject} ${lengthProblem}.`);

  for (const { component, piece, where } of pieces) {
    for (const linter of component.linters) {
      const problem = LINTERS[linter]?.(piece);
      if (!problem) continue;
      // A key's check digit is named as people read the key: "GTIN 0950… has a wrong check digit";
      // in a key with more parts, the sentence says which characters the check digit closes.
      const isCheck = linter === "csum" || linter === "csumalpha";
      const named = isCheck && where === "" ? `The ${source}'s ${definition.label}` : subject;
      throw invalidGs1(`${named} ${value} ${problem}${isCheck ? where : ""}.`);
    }
  }
}

/** The value cut into its components: fixed lengths first, the variable last one takes the rest. */
function splitComponents(components: AiComponent[], value: string) {
  const pieces: { component: AiComponent; piece: string; where: string }[] = [];
  let start = 0;
  for (const component of components) {
    if (start >= value.length) break;
    const isFixed = component.minLength === component.maxLength;
    const piece = value.slice(start, isFixed ? start + component.maxLength : undefined);
    const [from, to] = [start + 1, start + piece.length];
    const where =
      piece === value ? "" : from === to ? ` (character ${from})` : ` (characters ${from}–${to})`;
    pieces.push({ component, piece, where });
    start += piece.length;
  }
  // Characters past the last component are still checked against its character set.
  const last = components.at(-1);
  if (last && start < value.length)
    pieces.push({ component: last, piece: value.slice(start), where: "" });
  return pieces;
}

/** Whether a value's length fits the components: "must have 6 or 12 digits; it has 8". */
function checkLength(definition: AiDefinition, length: number): string | undefined {
  const { components, minLength, maxLength } = definition;
  const unit = definition.charset === "N" ? "digits" : "characters";
  const isAllFixed = components.every((c: AiComponent) => c.minLength === c.maxLength);
  if (isAllFixed) {
    const allowed: number[] = [];
    let total = 0;
    for (const component of components) {
      if (component.isOptional) allowed.push(total);
      total += component.maxLength;
    }
    allowed.push(total);
    if (allowed.includes(length)) return undefined;
    const list =
      allowed.length === 1 ? `${total}` : `${allowed.slice(0, -1).join(", ")} or ${total}`;
    return `must have ${list} ${unit}; it has ${length}`;
  }
  if (length < minLength) return `must have at least ${minLength} ${unit}; it has ${length}`;
  if (length > maxLength) return `may have at most ${maxLength} ${unit}; it has ${length}`;
  return undefined;
}
