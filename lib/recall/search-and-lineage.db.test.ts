import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { buildDigitalLink } from "@/lib/gs1/digital-link";
import { formatElementString } from "@/lib/gs1/element-string";
import { createLedgerWorld, GTIN, type LedgerWorld } from "@/tools/testing/ledger-world";
import { getLineageFamily } from "./scope";
import { searchLots } from "./search";

let ledger: LedgerWorld;
/** H split into A (2 packages) and B; A split into A1 and A2. Unrelated harvest U. */
const lots = { h: "", a: "", b: "", a1: "", a2: "", u: "" };

/** What the farm, which harvested and split every lot here, finds. */
const codesOf = async (query: string, member = ledger.members.farm) =>
  (await searchLots({ db: ledger.db, member, query })).map((hit) => [hit.lotCode, hit.serial]);

beforeAll(async () => {
  ledger = await createLedgerWorld();
  const { farm } = ledger.members;
  lots.h = await ledger.harvest("SEARCH-H");
  lots.u = await ledger.harvest("OTHER-U");
  [lots.a = "", lots.b = ""] = await ledger.split(farm, lots.h, ["SEARCH-A", "SEARCH-B"], {
    packagesEach: 2,
  });
  [lots.a1 = "", lots.a2 = ""] = await ledger.split(farm, lots.a, ["SEARCH-A1", "SEARCH-A2"]);
});

afterAll(async () => {
  await ledger.drop();
});

describe("searchLots", () => {
  it("finds lots by lot code prefix, case-insensitively", async () => {
    expect((await codesOf("search-a")).map(([code]) => code).sort()).toEqual([
      "SEARCH-A",
      "SEARCH-A1",
      "SEARCH-A2",
    ]);
  });

  it("finds every lot of a GTIN", async () => {
    expect(await codesOf(GTIN)).toHaveLength(6);
  });

  it("finds the lot of a package by its serial, typed or scanned in any GS1 form", async () => {
    const [serial = ""] = await ledger.serialsOf(lots.b);
    const ais = { "01": GTIN, "10": "SEARCH-B", "21": serial };
    for (const query of [
      serial.toLowerCase(),
      buildDigitalLink({ stem: "https://id.example", ais }),
      `]d2${formatElementString(ais)}`,
      `(01)${GTIN}(21)${serial}`,
    ]) {
      expect(await codesOf(query)).toEqual([["SEARCH-B", serial]]);
    }
  });

  it("refuses a malformed barcode with lib/gs1's sentence, and finds nothing for nothing", async () => {
    const error = await searchLots({
      db: ledger.db,
      member: ledger.members.farm,
      query: "(01)09506000134353",
    }).catch((e) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toMatch(/check digit/);
    expect(await codesOf("   ")).toEqual([]);
    expect(await codesOf("NO-SUCH-LOT")).toEqual([]);
  });

  it("finds nothing of lots the member has no part in, however it asks", async () => {
    const [serial = ""] = await ledger.serialsOf(lots.b);
    const ais = { "01": GTIN, "10": "SEARCH-B", "21": serial };
    for (const query of [
      GTIN,
      "search-",
      serial,
      buildDigitalLink({ stem: "https://id.example", ais }),
      `(01)${GTIN}(21)${serial}`,
    ]) {
      expect(await codesOf(query, ledger.members.carrier)).toEqual([]);
      expect((await codesOf(query, ledger.members.regulator)).length).toBeGreaterThan(0);
    }
  });
});

describe("getLineageFamily", () => {
  it("marks the lot, what was made from it, what it came from, and its neighbours", async () => {
    const family = await getLineageFamily({
      db: ledger.db,
      member: ledger.members.farm,
      lotId: lots.a,
    });
    const roles = Object.fromEntries(family?.nodes.map((n) => [n.lotCode, n.role]) ?? []);
    expect(roles).toEqual({
      "SEARCH-A": "recalled",
      "SEARCH-A1": "descendant",
      "SEARCH-A2": "descendant",
      "SEARCH-H": "ancestor",
      "SEARCH-B": "related",
    });
    expect(family?.links).toHaveLength(4);
    expect(family?.omitted).toBe(0);
  });

  it("is not there for an organisation with no part in the lot", async () => {
    const { db, members } = ledger;
    expect(await getLineageFamily({ db, member: members.carrier, lotId: lots.a })).toBeNull();
  });
});
