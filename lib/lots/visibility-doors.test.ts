import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// canSeeLot is applied inside the lot readers (getLotDetail, the recall exports and graph, the scan,
// the search, the label sheet), which take the member. These checks keep a new page or route from
// reading a lot around them: routes read no lot table themselves and call none of lib/trace's
// unguarded lineage readers, and only the public provenance pages read a lot for anyone.

const root = path.resolve(import.meta.dirname, "../..");

function sourcesUnder(folder: string): string[] {
  return readdirSync(path.join(root, folder), { recursive: true, encoding: "utf8" })
    .filter((file) => /\.tsx?$/.test(file))
    .map((file) => path.join(folder, file));
}

/** Public by design: the consumer's provenance pages and the label images of their Digital Links. */
const isPublic = (file: string) =>
  file.startsWith(path.join("app", "(public)")) ||
  file.startsWith(path.join("app", "api", "labels"));

const routes = sourcesUnder("app").filter((file) => !isPublic(file));
const read = (file: string) => readFileSync(path.join(root, file), "utf8");

describe("every staff page, print page and API route reads a lot through a guarded reader", () => {
  it("finds the routes", () => {
    expect(routes).toContain(path.join("app", "(staff)", "lots", "[lotId]", "page.tsx"));
  });

  it("reads no lot table itself", () => {
    const table =
      /\.(lot|package|ledgerEvent|lotLineage|temperatureReading|eventPayload)\s*\.\s*(find|count|aggregate|groupBy)/;
    const raw = /\$queryRaw/;
    expect(routes.filter((file) => table.test(read(file)) || raw.test(read(file)))).toEqual([]);
  });

  it("calls none of lib/trace's lineage readers, which know no member", () => {
    const valueImport = /^import\s+(?!type\b)[^;]*from\s+"@\/lib\/trace"/m;
    expect(routes.filter((file) => valueImport.test(read(file)))).toEqual([]);
  });

  it("leaves the reader without a member to the public provenance pages", () => {
    const callers = [...sourcesUnder("app"), ...sourcesUnder("lib"), ...sourcesUnder("components")]
      .filter((file) => !file.startsWith(path.join("lib", "lots")))
      .filter((file) => read(file).includes("getLotDetailForConsumers"));
    expect(callers.every((file) => file.startsWith(path.join("lib", "provenance")))).toBe(true);
  });
});
