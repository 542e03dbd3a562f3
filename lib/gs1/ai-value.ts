import { AppError } from "@/lib/errors";
import { type AiDefinition, getAiDefinition } from "./ai-table";
import { gs1CheckDigit } from "./keys";

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
    `This ${source} contains AI (${ai}), which is not a GS1 Application Identifier that LotLedger knows.`,
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

const CSET_82 = /^[!"%&'()*+,\-./0-9:;<=>?A-Z_a-z]$/;
const CSET_39 = /^[#\-/0-9A-Z]$/;
const CHARSET_RULES = {
  N: { pattern: /^\d$/, allowed: "may only contain digits" },
  X: {
    pattern: CSET_82,
    allowed: `may only contain letters, digits and ! " % & ' ( ) * + , - . / : ; < = > ? _`,
  },
  Y: { pattern: CSET_39, allowed: "may only contain capital letters, digits and # - /" },
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
 * Checks one AI value against its format: character set, length, check digit, dates. Each
 * rejection names the AI and says what is wrong, in one sentence.
 */
export function validateAiValue(ai: string, value: string, source: Gs1Source): void {
  const definition = requireAiDefinition(ai, source);
  const subject = `The ${source}'s ${definition.label} (${ai})`;
  const { charset, minLength, maxLength } = definition;
  if (value === "") throw invalidGs1(`${subject} is empty.`);

  const rule = CHARSET_RULES[charset];
  const bad = [...value].find((character) => !rule.pattern.test(character));
  if (bad !== undefined) {
    throw invalidGs1(`${subject} ${rule.allowed}, not ${describeCharacter(bad)}.`);
  }

  const unit = charset === "N" ? "digits" : "characters";
  if (definition.check === "yymmdd-yymmdd" && value.length !== 6 && value.length !== 12) {
    throw invalidGs1(`${subject} must have 6 digits, or 12 for a range; it has ${value.length}.`);
  }
  if (minLength === maxLength && value.length !== minLength) {
    throw invalidGs1(`${subject} must have ${minLength} ${unit}; it has ${value.length}.`);
  }
  if (value.length < minLength) {
    throw invalidGs1(`${subject} must have at least ${minLength} ${unit}; it has ${value.length}.`);
  }
  if (value.length > maxLength) {
    throw invalidGs1(`${subject} may have at most ${maxLength} ${unit}; it has ${value.length}.`);
  }

  if (definition.hasCheckDigit) assertCheckDigit(definition.label, value, source);
  const problem = definition.check && checkProblem(definition.check, value);
  if (problem) throw invalidGs1(`${subject} ${value} ${problem}.`);
}

function checkProblem(check: NonNullable<AiDefinition["check"]>, value: string) {
  switch (check) {
    case "yymmd0":
      return dateProblem(value, true);
    case "yymmdd":
      return dateProblem(value, false);
    case "yymmdd-yymmdd":
      return (
        dateProblem(value.slice(0, 6), false) ??
        (value.length === 12 ? dateProblem(value.slice(6), false) : undefined)
      );
    case "yymmddhhmi":
      return dateProblem(value.slice(0, 6), false) ?? timeProblem(value.slice(6));
    case "no-zero-prefix":
      return value.startsWith("0") ? "must not start with 0" : undefined;
  }
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * GS1 dates are YYMMDD, where DD may be 00 ("month only") in some AIs. A two-digit year divisible
 * by 4 is a leap year within GS1's ±50-year window for the century.
 */
function dateProblem(yymmdd: string, isDayZeroAllowed: boolean): string | undefined {
  const [yy, mm, dd] = [0, 2, 4].map((start) => Number(yymmdd.slice(start, start + 2))) as [
    number,
    number,
    number,
  ];
  const where = `is not a valid date (YYMMDD)`;
  if (mm < 1 || mm > 12) return `${where}: there is no month ${yymmdd.slice(2, 4)}`;
  if (dd === 0) return isDayZeroAllowed ? undefined : `${where}: there is no day 00`;
  const days = mm === 2 && yy % 4 !== 0 ? 28 : (DAYS_IN_MONTH[mm - 1] ?? 31);
  if (dd > days) return `${where}: month ${yymmdd.slice(2, 4)} has no day ${yymmdd.slice(4, 6)}`;
  return undefined;
}

function timeProblem(hhmi: string): string | undefined {
  const [hh, mi] = [Number(hhmi.slice(0, 2)), Number(hhmi.slice(2, 4))];
  if (hh <= 23 && mi <= 59) return undefined;
  return `is not a valid time (HHMI): there is no ${hhmi.slice(0, 2)}:${hhmi.slice(2)}`;
}
