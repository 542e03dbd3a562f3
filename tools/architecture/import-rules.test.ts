import path from "node:path";
import { describe, expect, it } from "vitest";
import { type ImportEdge, importGraph, isTestCode, zoneCycles, zoneOf } from "./import-graph";

// The arrows docs/architecture.md says must never exist, checked over the real import graph so they
// stay absent. Test files are exempt from the run-time rules (they may reach into tools/testing).

const root = path.resolve(import.meta.dirname, "../..");
const edges = importGraph(root);
const runtimeEdges = edges.filter((edge) => !isTestCode(edge.from));

const PURE = ["lib/gs1", "lib/barcode", "lib/epcis", "lib/text", "lib/paging"];
const CORE = ["lib/errors", "lib/input"];
const TOOLING = ["tools", "bench", "e2e", "contracts"];

/**
 * The doors of the domains that have one: other rooms import these modules only (an index, plus the
 * modules a client component may load without the server's code).
 */
const DOORS: Record<string, string[]> = {
  "lib/audit": ["index.ts"],
  // The pure leaf, root and minutes-outside formula a data logger computes too (the simulator, benches).
  "lib/cold-chain": ["index.ts", "reading-leaf.ts", "excursion-minutes.ts"],
  "lib/home": ["index.ts"],
  "lib/organizations": ["index.ts", "roles.ts", "invitation-message.ts"],
  "lib/products": ["index.ts"],
  "lib/provenance": ["index.ts", "digital-link.ts"],
  "lib/recall": ["index.ts", "terms.ts", "lineage-layout.ts"],
  "lib/trace": ["index.ts"],
};

/** The imports of files in `fromZones` whose target breaks `isAllowed`, as "from → to" lines. */
function forbidden(
  fromZones: (zone: string) => boolean,
  isAllowed: (toZone: string, edge: ImportEdge) => boolean,
  from: readonly ImportEdge[] = runtimeEdges,
): string[] {
  return from
    .filter((edge) => fromZones(zoneOf(edge.from)) && zoneOf(edge.from) !== zoneOf(edge.to))
    .filter((edge) => !isAllowed(zoneOf(edge.to), edge))
    .map((edge) => `${edge.from} → ${edge.to}`);
}

describe("LotLedger's architecture", () => {
  it("reads a real graph", () => {
    expect(edges.length).toBeGreaterThan(1_000);
    expect(edges).toContainEqual(
      expect.objectContaining({ from: "workers/indexer.ts", to: "lib/indexer/indexer.ts" }),
    );
  });

  it("has no import cycle between the lib domains", () => {
    const libEdges = runtimeEdges.filter(
      (e) => e.from.startsWith("lib/") && e.to.startsWith("lib/"),
    );
    expect(zoneCycles(libEdges).map((cycle) => cycle.join(" → "))).toEqual([]);
  });

  it("keeps the pure libraries free of the database, the chain and every domain", () => {
    const isPure = (zone: string) => PURE.includes(zone);
    expect(forbidden(isPure, (to) => isPure(to) || CORE.includes(to))).toEqual([]);
  });

  it("keeps the chain layer ignorant of organisations, the indexer and every domain", () => {
    const allowed = ["lib/db", "lib/env", ...CORE, ...PURE];
    expect(
      forbidden(
        (zone) => zone === "lib/chain",
        (to) => allowed.includes(to),
      ),
    ).toEqual([]);
  });

  it("lets the indexer import only the chain bindings, the database and pure libraries", () => {
    const allowed = ["lib/chain", "lib/db", "lib/env", ...CORE, ...PURE];
    expect(
      forbidden(
        (zone) => zone === "lib/indexer",
        (to) => allowed.includes(to),
      ),
    ).toEqual([]);
  });

  it("gives components data and actions as props: no database, chain or route imports", () => {
    const never = ["lib/db", "lib/chain", "lib/indexer", "app"];
    expect(
      forbidden(
        (zone) => zone === "components",
        (to) => !never.includes(to),
      ),
    ).toEqual([]);
  });

  it("keeps routes out of every other folder's imports", () => {
    expect(
      forbidden(
        (zone) => zone !== "app",
        (to) => to !== "app",
      ),
    ).toEqual([]);
  });

  it("keeps tooling, benchmarks and tests out of the run-time code", () => {
    const isRuntime = (zone: string) => !TOOLING.includes(zone);
    expect(forbidden(isRuntime, (to) => !TOOLING.includes(to))).toEqual([]);
  });

  it("enters a domain that has a door through that door only", () => {
    const throughDoor = (to: string, edge: ImportEdge) =>
      !DOORS[to] || DOORS[to].some((door) => edge.to === `${to}/${door}`);
    expect(forbidden(() => true, throughDoor)).toEqual([]);
  });
});
