import { checkAiAssociations } from "./ai-associations";
import { DIGITAL_LINK_PRIMARY_KEYS, getAiDefinition } from "./ai-table";
import {
  type AiInput,
  type AiValues,
  assertCheckDigit,
  invalidGs1,
  toAiEntries,
  validateAiValue,
} from "./ai-value";
import { compareForBarcode } from "./element-string";
import { encodeAiValue } from "./uri-component";

/** A parsed GS1 Digital Link. */
export interface DigitalLink {
  /** Scheme, host and any path before the primary key: "https://id.example.com/p"; "" for a path. */
  stem: string;
  /** The primary key, then its key qualifiers in path order, then the query-string attributes. */
  ais: AiValues;
}

/**
 * The primary key a Digital Link uses when the AIs hold more than one (a GTIN and an SSCC): a
 * GTIN, then an SSCC, then the others in the dictionary's order.
 */
const KEY_PREFERENCE = ["01", "00", ...DIGITAL_LINK_PRIMARY_KEYS.keys()];

// The scheme in lower case, as the GS1 Digital Link URI syntax writes it (the host may be in any case).
const STEM = /^https?:\/\/[^/?#\s_~@!$&'()*+,;=%]+(\/[^?#\s]*)?$/;

/**
 * A GTIN in a Digital Link is 14 digits; a GTIN-8, -12 or -13 the app was given is checked as it
 * is and then padded with leading zeros, as the standard requires.
 */
function toGtin14(value: string): string {
  if (/^(\d{8}|\d{12}|\d{13})$/.test(value)) {
    assertCheckDigit("GTIN", value, "Digital Link");
    return value.padStart(14, "0");
  }
  return value;
}

/**
 * Builds a GS1 Digital Link URI,
 * `{stem}/01/{gtin14}[/22/{cpv}][/10/{lot}][/21/{serial}][?{ai}={value}&…]`.
 * Key qualifiers go in the path in the standard's order, every other AI in the query string
 * (predefined-length AIs first, as the GS1 reference encoder does, then by AI), each value
 * percent-encoded. Every value, and the AIs' pairing, is checked first; a rejection says why.
 */
export function buildDigitalLink(options: {
  stem: string;
  ais: AiInput;
  primaryKey?: string;
}): string {
  if (!STEM.test(options.stem)) {
    throw invalidGs1(
      `The Digital Link's start “${options.stem}” must be https:// and a host name, optionally followed by a path, without a query string.`,
    );
  }
  const stem = options.stem.replace(/\/+$/, "");
  const ais = new Map(
    toAiEntries(options.ais, "Digital Link").map(([ai, value]) => [
      ai,
      ai === "01" ? toGtin14(value) : value,
    ]),
  );
  for (const [ai, value] of ais) validateAiValue(ai, value, "Digital Link");

  const primaryKey = options.primaryKey ?? KEY_PREFERENCE.find((key) => ais.has(key));
  if (!primaryKey || !ais.has(primaryKey)) {
    throw invalidGs1(
      options.primaryKey
        ? `The Digital Link's primary key (${options.primaryKey}) is missing from its data.`
        : "A Digital Link needs a primary key: a GTIN (01), an SSCC (00), a GLN (414) or another GS1 key.",
    );
  }
  const sequences = DIGITAL_LINK_PRIMARY_KEYS.get(primaryKey);
  if (!sequences) {
    throw invalidGs1(`AI (${primaryKey}) is not a GS1 Digital Link primary key.`);
  }
  // The qualifier sequence that carries the most of the AIs (22, 10, 21 rather than 235).
  const present = sequences.map((sequence) => sequence.filter((ai) => ais.has(ai)));
  const qualifiers = present.reduce((best, next) => (next.length > best.length ? next : best), []);
  const pathAis = [primaryKey, ...qualifiers];
  const queryAis = [...ais.keys()].filter((ai) => !pathAis.includes(ai));
  for (const ai of queryAis) {
    if (!getAiDefinition(ai)?.isDigitalLinkAttribute) {
      throw invalidGs1(
        `AI (${ai}) can't be carried in a Digital Link whose primary key is (${primaryKey}).`,
      );
    }
  }
  checkAiAssociations(ais, "Digital Link");

  queryAis.sort(compareForBarcode);
  const path = pathAis.map((ai) => `/${ai}/${encodeAiValue(ais.get(ai) ?? "")}`).join("");
  const query = queryAis.map((ai) => `${ai}=${encodeAiValue(ais.get(ai) ?? "")}`).join("&");
  return `${stem}${path}${query ? `?${query}` : ""}`;
}
