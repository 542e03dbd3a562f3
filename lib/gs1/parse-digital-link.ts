import { checkAiAssociations } from "./ai-associations";
import { DIGITAL_LINK_PRIMARY_KEYS } from "./ai-table";
import { describeCharacter, invalidGs1 } from "./ai-value";
import type { DigitalLink } from "./digital-link";
import { readPath, readQuery } from "./digital-link-ais";

const SOURCE = "Digital Link";
const URI_CHARACTER = /^[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]$/;
const SCHEME_AND_HOST = /^(https?):\/\/([^/?#]*)/i;
const BAD_HOST_CHARACTER = /[_~@!$&'()*+,;=%]/;

/**
 * Parses a GS1 Digital Link URI, under any host and path prefix, or a bare path such as
 * "/01/09506000134352/10/ABC?17=261231" (what a resolver route receives), with any GS1 primary key
 * of the Syntax Dictionary (01, 00, 253, 255, 401, 402, 414, 417, 8003, 8004, 8006, 8010, 8013,
 * 8017, 8018 …). The AIs come back with their values percent-decoded. Strict where the GS1 Digital
 * Link URI syntax is: the scheme in lower case, a GTIN in its 14-digit form. Rejected, each with a
 * sentence that says why: characters a URI can't carry, a path without a primary key, key
 * qualifiers out of order (22 → 10 → 21), mixed from two sequences (10 and 235) or not valid for
 * the key, AIs repeated, AIs GS1 does not have (an all-digit query parameter is an AI), values of
 * the wrong format or with a wrong check digit, and AIs without the AIs they need. Query
 * parameters that aren't AIs (linkType, utm_…) and the fragment are ignored.
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
    const scheme = schemeAndHost[1] ?? "";
    if (scheme !== scheme.toLowerCase()) {
      throw invalidGs1(
        `A Digital Link's scheme is written in lower case: ${scheme.toLowerCase()}://, not ${scheme}://.`,
      );
    }
    const host = schemeAndHost[2] ?? "";
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
    if (DIGITAL_LINK_PRIMARY_KEYS.has(segments[index] ?? "")) return index;
  }
  return -1;
}
