import { describe, expect, it } from "vitest";
import { parseFsmaWorkbookScope } from "./fsma-workbook-query";

const scopeOf = (query: string) => parseFsmaWorkbookScope(new URLSearchParams(query));
const SCOPES = "tlc=<traceability lot code>, gtin=<GTIN>, or from=<YYYY-MM-DD>&to=<YYYY-MM-DD>";

describe("the FDA workbook's scope, from its address", () => {
  it("reads a TLC (with its GTIN), a product as a GTIN-14, or a window of days and instants", () => {
    expect(scopeOf("tlc=RH-2611-A")).toEqual({ kind: "tlc", lotCode: "RH-2611-A" });
    expect(scopeOf("tlc=RH-2611-A&gtin=9506000134369")).toEqual({
      kind: "tlc",
      lotCode: "RH-2611-A",
      gtin: "09506000134369",
    });
    expect(scopeOf("gtin=09506000134369")).toEqual({ kind: "product", gtin: "09506000134369" });
    expect(scopeOf("from=2026-11-01&to=2026-11-08")).toEqual({
      kind: "dates",
      from: new Date("2026-11-01T00:00:00Z"),
      to: new Date("2026-11-08T00:00:00Z"),
    });
    expect(scopeOf("from=2026-11-01T00:00:00-08:00&to=2026-11-02")).toMatchObject({
      from: new Date("2026-11-01T08:00:00Z"),
    });
  });

  it("refuses a missing, mixed or malformed scope with one sentence", () => {
    const refusals: [string, string][] = [
      ["", `Say what the workbook covers: ${SCOPES}.`],
      ["tlc=&gtin=", `Say what the workbook covers: ${SCOPES}.`],
      [
        "gtin=09506000134369&from=2026-11-01&to=2026-11-02",
        `Give one scope, not several: ${SCOPES}.`,
      ],
      [
        "from=2026-11-01",
        "A date range needs both ends: give from=<YYYY-MM-DD> and to=<YYYY-MM-DD> (to is not included).",
      ],
      [
        "from=1/11/2026&to=2026-11-02",
        'The from date "1/11/2026" is not a date: write it as YYYY-MM-DD, e.g. 2026-11-24.',
      ],
      ["from=2026-11-02&to=2026-11-02", "The to date must come after the from date."],
      [
        "from=2025-01-01&to=2026-11-02",
        "The date range is longer than 366 days: ask for a shorter window, one workbook each.",
      ],
      ["gtin=ABC", "A GTIN has digits only; remove the letters or symbols."],
      [
        `tlc=${"X".repeat(21)}`,
        "A traceability lot code has at most 20 characters: copy it from the label after (10).",
      ],
    ];
    for (const [query, sentence] of refusals) {
      expect(() => scopeOf(query), query).toThrow(sentence);
    }
  });
});
