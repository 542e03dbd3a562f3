import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Member } from "@/lib/auth/session";
import { lotIdOf } from "@/lib/chain/lot-id";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { buildDigitalLink } from "@/lib/gs1/digital-link";
import { parseInput } from "@/lib/input";
import { getLabelSheet } from "@/lib/packages/label-sheet";
import {
  exportLot,
  exportRecall,
  getLineageFamily,
  getRecall,
  previewRecall,
  recallRefusal,
  removePackage,
  searchLots,
  startRecall,
} from "@/lib/recall";
import { recallInput } from "@/lib/recall/terms";
import { resolveScan } from "@/lib/scan/resolve-scan";
import { createLedgerWorld, GTIN, type LedgerWorld } from "@/tools/testing/ledger-world";
import { shipLot } from "@/tools/testing/lot-steps";
import { getLotDetail } from "./get-lot-detail";
import { type LotStanding, NO_SUCH_LOT } from "./visibility";

// canSeeLot over every domain function behind a page, export, scan or API route of a lot, for each
// part an organisation can have in a lot's lineage. Harvest P (farm) went to the packer, which split
// it into L and S; L went packer → carrier → second carrier, and is on its way to the retailer;
// S went to the sibling shop. The stranger shop, a retailer, had no part in any of it.

let ledger: LedgerWorld;
const lots = { p: "", l: "", s: "" };
const who = {} as Record<
  "farm" | "packer" | "carrier" | "carrierNow" | "retailer" | "regulator" | "sibling" | "stranger",
  Member
>;
let serialOfL = "";
const NO_LOT = { id: lotIdOf(GTIN, "VIS-NONE"), lotCode: "VIS-NONE" };

beforeAll(async () => {
  ledger = await createLedgerWorld();
  const { farm, packer, carrier, retailer, regulator } = ledger.members;
  Object.assign(who, { farm, packer, carrier, retailer, regulator });
  who.carrierNow = await ledger.addOrganization("CARRIER", "Second carrier");
  who.sibling = await ledger.addOrganization("RETAILER", "Sibling shop");
  who.stranger = await ledger.addOrganization("RETAILER", "Stranger shop");
  lots.p = await ledger.harvest("VIS-P");
  await ledger.ship(farm, lots.p, packer);
  [lots.l = "", lots.s = ""] = await ledger.split(packer, lots.p, ["VIS-L", "VIS-S"], {
    packagesEach: 2,
  });
  await ledger.ship(packer, lots.l, carrier);
  await ledger.ship(carrier, lots.l, who.carrierNow);
  await ledger.ship(packer, lots.s, who.sibling);
  await shipLot(ledger.db, who.carrierNow, { lotId: lots.l, to: retailer });
  await ledger.settle();
  [serialOfL = ""] = await ledger.serialsOf(lots.l);
}, 120_000);

afterAll(async () => {
  await ledger.drop();
});

type Lot = { id: string; lotCode: string };
const lot = (key: "p" | "l"): Lot => ({ id: lots[key], lotCode: `VIS-${key.toUpperCase()}` });

/**
 * Each route as a domain function of (database, member, lot): what a member may see comes back as
 * `{ seen }` (a summary), a refusal as `{ code, message }` with the lot's code written as LOT so a
 * refusal of a lot that exists can be compared with one of a lot that does not.
 */
const ROUTES: Record<string, (db: Db, member: Member, lot: Lot) => Promise<unknown>> = {
  "lot page, readings page, recall lot page": async (db, member, { id }) => {
    const detail = await getLotDetail({ db, member, lotId: id });
    return detail && { lotCode: detail.lotCode, standing: detail.standing };
  },
  "lineage graph": async (db, member, { id }) =>
    (await getLineageFamily({ db, member, lotId: id }))?.nodes.length ?? null,
  "recall review": async (db, member, { id }) =>
    (await previewRecall({ db, member, lotId: id }))?.scope.lots.length ?? null,
  "scope.csv": async (db, member, { id }) =>
    (await exportLot({ db, member, lotId: id, kind: "scope" })).filename,
  "fsma.csv": async (db, member, { id }) =>
    (await exportLot({ db, member, lotId: id, kind: "fsma" })).filename,
  "label sheet": async (db, member, { id }) =>
    (await getLabelSheet({ ...SHEET, db, member, lotId: id }))?.range ?? null,
  "scan of the lot": (db, member, { lotCode }) =>
    resolveScan({ db, member, text: labelOf(lotCode) }),
  "scan of a package": (db, member, { lotCode }) =>
    resolveScan({ db, member, text: labelOf(lotCode, serialOfL) }),
  "recall search": async (db, member, { lotCode }) =>
    (await searchLots({ db, member, query: lotCode })).map((hit) => hit.lotCode),
  "package removal": (db, member, { id }) =>
    removePackage({ db, member, lotId: id, serial: serialOfL }),
  "recall (refused)": (db, member, { id }) =>
    startRecall({ db, member, lotId: id, input: parseInput(recallInput, REASON), appUrl: APP }),
};

const NEEDS_PACKAGES = new Set(["scan of a package", "package removal"]);
const SHEET = { layout: "a4", code: "qr", from: 0, appUrl: "https://lotledger.test" } as const;
const APP = "https://lotledger.test";
const REASON = { reason: "Listeria in a retained sample", severity: "CLASS_I" };
const labelOf = (lotCode: string, serial?: string) =>
  buildDigitalLink({
    stem: APP,
    ais: { "01": GTIN, "10": lotCode, ...(serial ? { "21": serial } : {}) },
  });

/** What a route answers, with the lot's code and id written LOT, LOT-ID: comparable across lots. */
async function answer(route: string, member: Member, target: Lot, db: Db = ledger.db) {
  const run = ROUTES[route] as (typeof ROUTES)[string];
  const neutral = (text: string) =>
    text.replaceAll(target.lotCode, "LOT").replaceAll(target.id, "LOT-ID");
  try {
    const seen = await run(db, member, target);
    return { seen: seen === null || (Array.isArray(seen) && seen.length === 0) ? null : seen };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { code: error.code, message: neutral(error.message) };
  }
}

/** The database, counting the queries a route sends through it (model calls and raw queries). */
function countingDb(): { db: Db; queries: () => number } {
  let queries = 0;
  const wrap = <T extends object>(target: T, depth: number): T =>
    new Proxy(target, {
      get(object, property, receiver) {
        const value = Reflect.get(object, property, receiver);
        if (typeof value === "function") {
          return (...args: unknown[]) => {
            queries++;
            return value.apply(object, args);
          };
        }
        const isModel = depth === 0 && typeof property === "string" && !property.startsWith("$");
        return isModel && value && typeof value === "object" ? wrap(value, 1) : value;
      },
    });
  return { db: wrap(ledger.db, 0), queries: () => queries };
}

const ROLES: [string, keyof typeof who, "p" | "l", LotStanding | null][] = [
  ["the producer", "packer", "l", "producer"],
  ["the custodian now", "carrierNow", "l", "party"],
  ["a custodian before", "carrier", "l", "party"],
  ["the recipient in transit", "retailer", "l", "party"],
  ["the holder of a parent lot", "farm", "l", "party"],
  ["the holder of a child lot", "carrierNow", "p", "party"],
  ["the recipient of a child lot", "retailer", "p", "party"],
  ["a regulator", "regulator", "l", "regulator"],
  ["the holder of a sibling lot", "sibling", "l", null],
  ["a stranger", "stranger", "l", null],
  ["a stranger", "stranger", "p", null],
];

describe("canSeeLot: who sees a lot, on every route", () => {
  describe.each(ROLES)("%s (%s) on lot %s", (_role, key, lotKey, standing) => {
    it.each(Object.keys(ROUTES))(
      standing ? "sees it: %s" : "is told what a lot that does not exist tells: %s",
      async (route) => {
        if (lotKey === "p" && NEEDS_PACKAGES.has(route)) return; // P has no packages
        // A recall allowed would be recorded: who may recall a lot they see is tested below.
        if (standing && route === "recall (refused)") return;
        const member = who[key];
        const got = await answer(route, member, lot(lotKey));
        if (standing) {
          expect(got).not.toMatchObject({ code: "NOT_FOUND" });
          if (route.startsWith("lot page")) {
            expect(got).toEqual({ seen: { lotCode: lot(lotKey).lotCode, standing } });
          }
          if (route === "recall search") expect(got).toEqual({ seen: [lot(lotKey).lotCode] });
          return;
        }
        const none = countingDb();
        const nothing = await answer(route, member, NO_LOT, none.db);
        const real = countingDb();
        expect(await answer(route, member, lot(lotKey), real.db)).toEqual(nothing);
        // The same queries, so a refusal takes as long as a lot that is not there: no oracle.
        expect(real.queries()).toBe(none.queries());
        expect(nothing).toEqual(got);
      },
    );
  });

  it("says one sentence for a lot that is not there, whatever the reason", async () => {
    expect(await answer("recall (refused)", who.stranger, lot("l"))).toEqual({
      code: "NOT_FOUND",
      message: NO_SUCH_LOT,
    });
  });
});

describe("who may recall a lot they may see", () => {
  it.each([
    ["the producer", "packer", null],
    ["a retailer the lot is on its way to", "retailer", null],
    ["a regulator", "regulator", null],
    ["the custodian, a carrier", "carrierNow", "Second carrier is a carrier"],
    ["the farm that produced its parent", "farm", "Test farm is a farm"],
  ] as const)("%s: %s", async (_role, key, refusedAs) => {
    const detail = await getLotDetail({ db: ledger.db, member: who[key], lotId: lots.l });
    const refusal = detail && recallRefusal(who[key], detail);
    if (refusedAs === null) expect(refusal).toBeNull();
    else
      expect(refusal).toBe(
        `Only a regulator, the producer of lot VIS-L, or a retailer that holds or held it or a lot made from or into it can recall it; ${refusedAs} that did not produce it.`,
      );
  });
});

describe("a recall of the lot", () => {
  let recallId = "";

  beforeAll(async () => {
    const input = parseInput(recallInput, REASON);
    ({ recallId } = await startRecall({
      db: ledger.db,
      member: who.packer,
      lotId: lots.l,
      input,
      appUrl: APP,
    }));
  });

  it.each(ROLES.filter(([, , lotKey]) => lotKey === "l"))(
    "is seen by whoever may see the lot: %s",
    async (_role, key, _lot, standing) => {
      const view = await getRecall({ db: ledger.db, member: who[key], recallId });
      expect(view?.lotCode ?? null).toBe(standing ? "VIS-L" : null);
      const csv = exportRecall({ db: ledger.db, member: who[key], recallId, kind: "scope" });
      if (standing) await expect(csv).resolves.toMatchObject({ csv: expect.any(String) });
      else await expect(csv).rejects.toMatchObject({ code: "NOT_FOUND" });
    },
  );
});
