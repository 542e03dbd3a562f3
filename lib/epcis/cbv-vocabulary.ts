import { cbvWordsOf } from "./epcis-schema";
import type { EpcisIssue } from "./schema-issue";

// The 2.0.1 schema takes any URI outside the old CBV namespaces as a bizStep or disposition, so a
// misspelt word in GS1's own web vocabulary (https://ref.gs1.org/cbv/BizStep-shiping) would pass
// it. CBV 2.0 defines those namespaces' words: anything else in them is refused here. URIs of a
// partner's own vocabulary stay allowed, as the standard allows.

const VOCABULARIES = [
  { field: "bizStep", prefix: "https://ref.gs1.org/cbv/BizStep-", words: cbvWordsOf("bizStep") },
  {
    field: "disposition",
    prefix: "https://ref.gs1.org/cbv/Disp-",
    words: cbvWordsOf("disposition"),
  },
] as const;

/** Why the event's bizStep or disposition is not a CBV 2.0 word, or null when both are fine. */
export function cbvIssueOf(event: Record<string, unknown>): EpcisIssue | null {
  for (const { field, prefix, words } of VOCABULARIES) {
    const value = event[field];
    if (typeof value !== "string" || !value.startsWith(prefix)) continue;
    const word = value.slice(prefix.length);
    if (words.has(word)) continue;
    return {
      field: `/${field}`,
      reason: `“${field}” is “${value}”, but CBV 2.0 has no ${field === "bizStep" ? "business step" : "disposition"} “${word}”: use one of its words (e.g. ${[...words].slice(0, 3).join(", ")}) or a URI of your own vocabulary.`,
    };
  }
  return null;
}
