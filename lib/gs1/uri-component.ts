import { getAiDefinition } from "./ai-table";
import { invalidGs1 } from "./ai-value";

/**
 * Percent-encodes an AI value for a Digital Link path element or query value: only RFC 3986
 * unreserved characters (A–Z a–z 0–9 - . _ ~) stay as they are, every other character becomes %XX
 * with upper-case hex, as the GS1 Digital Link URI syntax requires (e.g. "/" → %2F, "(" → %28).
 */
export function encodeAiValue(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/**
 * Reverses the percent-encoding of an AI value taken from a Digital Link. In the query string "+"
 * stands for a space (HTML form encoding, as the GS1 reference parser reads it); in the path it is
 * a plain "+".
 */
export function decodeAiValue(raw: string, ai: string, isQuery: boolean): string {
  const subject = `The Digital Link's ${getAiDefinition(ai)?.label ?? "value"} (${ai})`;
  if (/%(?![0-9A-Fa-f]{2})/.test(raw)) {
    throw invalidGs1(
      `${subject} has a “%” that is not followed by two hexadecimal digits; a “%” in a value is written %25.`,
    );
  }
  try {
    return decodeURIComponent(isQuery ? raw.replaceAll("+", " ") : raw);
  } catch {
    throw invalidGs1(`${subject} has percent-encoded bytes that are not valid UTF-8 text.`);
  }
}
