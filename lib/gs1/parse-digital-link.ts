import { checkAiAssociations } from "./ai-associations";
import { DIGITAL_LINK_KEY_QUALIFIERS } from "./ai-table";
import {
  describeCharacter,
  duplicateAiMessage,
  invalidGs1,
  requireAiDefinition,
  validateAiValue,
} from "./ai-value";
import { type DigitalLink, normalizeDigitalLinkGtin } from "./digital-link";
import { decodeAiValue } from "./uri-component";

const SOURCE = "Digital Link";
const URI_CHARACTER = /^[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]$/;
const SCHEME_AND_HOST = /^https?:\/\/([^/?#]*)/i;
const BAD_HOST_CHARACTER = /[_~@!$&'()*+,;=%]/;

/**
 * Parses a GS1 Digital Link URI, under any host and path prefix, or a bare path such as
 * "/01/09506000134352/10/ABC?17=261231" (what a resolver route receives). The AIs come back with
 * their values percent-decoded and a GTIN-8/12/13 padded to 14 digits. Rejected, each with a
 * sentence that says why: characters a URI can't carry, a path without a primary key, key
 * qualifiers out of order (22 → 10 → 21) or not valid for the key, AIs repeated, AIs LotLedger does
 * not know (an all-digit query parameter is an AI), values of the wrong format or with a wrong
 * check digit, and AIs without the AIs they need. Query parameters that aren't AIs (linkType,
 * utm_…) and the fragment are ignored.
 */
export function parseDigitalLink(input: string): DigitalLink {
  const uri = input.trim();
  const bad = [...uri].find((character) => !URI_CHARACTER.test(character));
  if (bad !== undefined) {
    throw invalidGs1(
      `A Digital Link can't contain ${describeCharacter(bad)} as it is: a web address carries it percent-encoded.`,
    );
  }

  let stem = "";
  let rest = uri;
  const schemeAndHost = SCHEME_AND_HOST.exec(uri);
  if (schemeAndHost) {
    const host = schemeAndHost[1] ?? "";
    if (host === "") throw invalidGs1("This Digital Link has no host name after its “//”.");
    if (BAD_HOST_CHARACTER.test(host)) {
      throw invalidGs1(
        `The Digital Link's host name “${host}” has characters a host name can't have.`,
      );
    }
    stem = schemeAndHost[0];
    rest = uri.slice(stem.length);
  } else if (!uri.startsWith("/")) {
    throw invalidGs1(
      "This is not a GS1 Digital Link: one starts with https:// and a host name, followed by a path such as /01/ and the GTIN.",
    );
  }

  const withoutFragment = rest.split("#")[0] ?? "";
  const queryStart = withoutFragment.indexOf("?");
  const path = queryStart < 0 ? withoutFragment : withoutFragment.slice(0, queryStart);
  const query = queryStart < 0 ? "" : withoutFragment.slice(queryStart + 1);
  if (path.length > 1 && path.endsWith("/")) {
    throw invalidGs1("A Digital Link's path can't end with “/”.");
  }

  const segments = path.split("/").slice(1);
  const keyIndex = findPrimaryKey(segments);
  if (keyIndex < 0) {
    throw invalidGs1(
      "This web address is not a GS1 Digital Link: its path has no GS1 key such as /01/ followed by a GTIN.",
    );
  }
  if (keyIndex > 0) stem += `/${segments.slice(0, keyIndex).join("/")}`;

  const ais = new Map<string, string>();
  const primaryKey = segments[keyIndex] ?? "";
  readPath(segments.slice(keyIndex), ais);
  readQuery(query, primaryKey, ais);
  checkAiAssociations(ais, SOURCE);
  return { stem, ais };
}

/**
 * The rightmost path segment that is a primary key and is followed by whole AI/value pairs, so a
 * value that looks like an AI ("/10/01") is never taken for one and a prefix may contain anything.
 */
function findPrimaryKey(segments: string[]): number {
  for (let index = segments.length - 2; index >= 0; index -= 2) {
    if (Object.hasOwn(DIGITAL_LINK_KEY_QUALIFIERS, segments[index] ?? "")) return index;
  }
  return -1;
}

function addValue(ais: Map<string, string>, ai: string, raw: string, isQuery: boolean) {
  const decoded = decodeAiValue(raw, ai, isQuery);
  const value = ai === "01" ? normalizeDigitalLinkGtin(decoded) : decoded;
  validateAiValue(ai, value, SOURCE);
  ais.set(ai, value);
}

function readPath(segments: string[], ais: Map<string, string>): void {
  const primaryKey = segments[0] ?? "";
  const qualifiers = DIGITAL_LINK_KEY_QUALIFIERS[primaryKey] ?? [];
  let lastQualifier = -1;
  for (let index = 0; index < segments.length; index += 2) {
    const ai = segments[index] ?? "";
    if (index > 0) {
      if (!/^\d+$/.test(ai)) {
        throw invalidGs1(`The Digital Link's path has “${ai}” where an AI number should be.`);
      }
      const definition = requireAiDefinition(ai, SOURCE);
      if (ais.has(ai)) throw invalidGs1(duplicateAiMessage(ai, SOURCE));
      const position = qualifiers.indexOf(ai);
      if (position < 0) {
        const hint = definition.isDigitalLinkAttribute
          ? `; put it in the query string: ?${ai}=…`
          : "";
        throw invalidGs1(
          `AI (${ai}) can't follow (${primaryKey}) in a Digital Link's path${hint}.`,
        );
      }
      if (position < lastQualifier) {
        const before = qualifiers[lastQualifier];
        throw invalidGs1(`In a Digital Link's path, (${ai}) must come before (${before}).`);
      }
      lastQualifier = position;
    }
    addValue(ais, ai, segments[index + 1] ?? "", false);
  }
}

function readQuery(query: string, primaryKey: string, ais: Map<string, string>): void {
  const qualifiers = DIGITAL_LINK_KEY_QUALIFIERS[primaryKey] ?? [];
  for (const parameter of query.split("&")) {
    const equals = parameter.indexOf("=");
    const ai = parameter.slice(0, equals);
    // Parameters without a value, and those whose name is not all digits, are not AIs: ignored.
    if (equals < 0 || !/^\d+$/.test(ai)) continue;
    const definition = requireAiDefinition(ai, SOURCE);
    if (ais.has(ai)) throw invalidGs1(duplicateAiMessage(ai, SOURCE));
    if (qualifiers.includes(ai)) {
      throw invalidGs1(
        `AI (${ai}) belongs in the Digital Link's path (…/${ai}/{value}), not in its query string.`,
      );
    }
    if (!definition.isDigitalLinkAttribute) {
      throw invalidGs1(`AI (${ai}) can't be carried in a Digital Link's query string.`);
    }
    addValue(ais, ai, parameter.slice(equals + 1), true);
  }
}
