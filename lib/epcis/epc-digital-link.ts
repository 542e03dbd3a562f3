import { gs1CheckDigit } from "@/lib/gs1/keys";

// CBV 2.0 §8.9 hashes every GS1 identifier in one form, whichever the event was written in: the
// constrained canonical GS1 Digital Link (domain id.gs1.org, no query string, only the finest level of
// identification). EPC URIs (TDS 2.x) are converted to it; Digital Links are brought to it.

const DL_ROOT = "https://id.gs1.org";

const withCheck = (digits: string) => `${digits}${gs1CheckDigit(digits)}`;
/** TDS: the indicator digit (first of the item reference) leads the GTIN, SSCC, … */
const indicatorFirst = (prefix: string, reference: string) =>
  `${reference.slice(0, 1)}${prefix}${reference.slice(1)}`;

/** Characters an EPC URI may carry literally that the Digital Link percent-encodes. */
function dlEncode(value: string): string {
  return value.replace(/[!()*+,:]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

type Fields = [string, string, string, string, string];
type EpcRule = (fields: Fields) => string | null;
/** How many dot-separated fields follow the company prefix; the last keeps any dots of its own. */
const FIELD_COUNT: Record<string, number> = { "id:itip": 4 };
const ONE_FIELD = ["id:sscc", "id:pgln", "id:giai", "id:gsrn", "id:gsrnp", "id:ginc", "id:gsin"];

const EPC_RULES: Record<string, EpcRule> = {
  "id:sgtin": ([p, i, s]) => `/01/${withCheck(indicatorFirst(p, i))}/21/${dlEncode(s)}`,
  "id:sscc": ([p, s]) => `/00/${withCheck(indicatorFirst(p, s))}`,
  "id:sgln": ([p, l, e]) =>
    `/414/${withCheck(`${p}${l}`)}${e === "0" ? "" : `/254/${dlEncode(e)}`}`,
  "id:pgln": ([p, r]) => `/417/${withCheck(`${p}${r}`)}`,
  "id:grai": ([p, a, s]) => `/8003/${withCheck(`0${p}${a}`)}${dlEncode(s)}`,
  "id:giai": ([p, a]) => `/8004/${p}${dlEncode(a)}`,
  "id:gsrn": ([p, s]) => `/8018/${withCheck(`${p}${s}`)}`,
  "id:gsrnp": ([p, s]) => `/8017/${withCheck(`${p}${s}`)}`,
  "id:gdti": ([p, d, s]) => `/253/${withCheck(`${p}${d}`)}${dlEncode(s)}`,
  "id:sgcn": ([p, c, s]) => `/255/${withCheck(`${p}${c}`)}${s}`,
  "id:cpi": ([p, c, s]) => `/8010/${dlEncode(`${p}${c}`)}/8011/${s}`,
  "id:ginc": ([p, r]) => `/401/${p}${dlEncode(r)}`,
  "id:gsin": ([p, r]) => `/402/${withCheck(`${p}${r}`)}`,
  "id:itip": ([p, i, piece, total, s]) =>
    `/8006/${withCheck(indicatorFirst(p, i))}${piece}${total}/21/${dlEncode(s)}`,
  "id:upui": ([p, i, s]) => `/01/${withCheck(indicatorFirst(p, i))}/235/${dlEncode(s)}`,
  "class:lgtin": ([p, i, lot]) => `/01/${withCheck(indicatorFirst(p, i))}/10/${dlEncode(lot)}`,
  "idpat:sgtin": ([p, i, star]) => (star === "*" ? `/01/${withCheck(indicatorFirst(p, i))}` : null),
};

/** An EPC pure-identity, class or pattern URI as its canonical Digital Link, or null. */
function epcUriToDigitalLink(uri: string): string | null {
  const match = /^urn:epc:(id|class|idpat):([a-z]+):(\d{6,12})\.(.*)$/.exec(uri);
  if (!match) return null;
  const [, kind, scheme, prefix, rest] = match as unknown as [
    string,
    string,
    string,
    string,
    string,
  ];
  const rule = EPC_RULES[`${kind}:${scheme}`];
  if (!rule) return null;
  const name = `${kind}:${scheme}`;
  const count = FIELD_COUNT[name] ?? (ONE_FIELD.includes(name) ? 1 : 2);
  // A 12-digit prefix leaves an empty reference ("…:123456789012..5"): split keeps it as "".
  const fields = rest.split(".");
  if (fields.length < count) return null;
  const parts = [prefix, ...fields.slice(0, count - 1), fields.slice(count - 1).join("."), "", ""];
  const path = rule(parts.slice(0, 5) as Fields);
  return path ? `${DL_ROOT}${path}` : null;
}

const PRIMARY_KEYS = "00|01|253|255|401|402|414|417|8003|8004|8006|8010|8017|8018";
const DL_PATH = new RegExp(
  `^https?://[^/?#]+(?:/[^?#]*?)?/(${PRIMARY_KEYS})/([^/?#]+)((?:/[^/?#]+/[^/?#]+)*)/?(?:[?#].*)?$`,
);
/** Qualifiers kept with each key: only the finest level of identification, nothing else. */
const FINEST_QUALIFIERS: Record<string, string[]> = {
  "01": ["21", "10", "235"],
  "8006": ["21", "10"],
  "414": ["254"],
  "8010": ["8011"],
};

/** A GS1 Digital Link URI in its constrained canonical form, or null when it is none. */
function constrainDigitalLink(uri: string): string | null {
  const match = DL_PATH.exec(uri);
  if (!match) return null;
  const [, key, rawValue, qualifierPath] = match as unknown as [string, string, string, string];
  if (!/^\d{4}/.test(rawValue)) return null;
  const value = key === "01" && /^\d{8,13}$/.test(rawValue) ? rawValue.padStart(14, "0") : rawValue;
  const qualifiers = new Map<string, string>();
  for (const [, ai, qualifier] of qualifierPath.matchAll(/\/([^/]+)\/([^/]+)/g)) {
    qualifiers.set(ai as string, qualifier as string);
  }
  const kept = (FINEST_QUALIFIERS[key] ?? []).find((ai) => qualifiers.has(ai));
  return `${DL_ROOT}/${key}/${value}${kept ? `/${kept}/${qualifiers.get(kept)}` : ""}`;
}

/** Any identifier as CBV 2.0's hash sees it: a GS1 key as constrained canonical Digital Link. */
export function canonicalIdentifier(value: string): string | null {
  return value.startsWith("urn:epc:") ? epcUriToDigitalLink(value) : constrainDigitalLink(value);
}
