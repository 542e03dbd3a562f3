import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Member } from "@/lib/auth/session";
import { buildDigitalLink } from "@/lib/gs1/digital-link";
import { parseInput } from "@/lib/input";
import { resolveScan } from "@/lib/scan/resolve-scan";
import { createLedgerWorld, GTIN, type LedgerWorld } from "@/tools/testing/ledger-world";
import { removePackage } from "./packages";
import { startRecall } from "./start";
import { recallInput } from "./terms";

let ledger: LedgerWorld;
/** Harvest H split by the packer into P1 (shipped to the retailer) and P2; sibling S at the retailer. */
const lots = { h: "", p1: "", p2: "", s: "" };

const label = (lotCode: string, serial: string) =>
  buildDigitalLink({
    stem: "https://id.example",
    ais: { "01": GTIN, "10": lotCode, "21": serial },
  });
const scan = (member: Member, lotCode: string, serial: string) =>
  resolveScan({ db: ledger.db, member, text: label(lotCode, serial) });

beforeAll(async () => {
  ledger = await createLedgerWorld();
  const { farm, packer, retailer } = ledger.members;
  lots.h = await ledger.harvest("HARVEST-1");
  const sibling = await ledger.harvest("HARVEST-2");
  [lots.s = ""] = await ledger.split(farm, sibling, ["SIBLING-1", "SIBLING-2"], {
    packagesEach: 2,
  });
  await ledger.ship(farm, lots.s, retailer);
  await ledger.ship(farm, lots.h, packer);
  const [p1 = "", p2 = ""] = await ledger.split(packer, lots.h, ["PACK-1", "PACK-2"], {
    packagesEach: 2,
  });
  Object.assign(lots, { p1, p2 });
  await ledger.ship(packer, p1, retailer);
  const input = parseInput(recallInput, { reason: "Metal fragments", severity: "CLASS_II" });
  await startRecall({
    db: ledger.db,
    member: retailer,
    lotId: lots.h,
    input,
    appUrl: "https://x.test",
  });
  await ledger.settle();
});

afterAll(async () => {
  await ledger.drop();
});

describe("scanning a package after a recall", () => {
  it("tells the store to remove a package of a lot made from the recalled one, and lets it", async () => {
    const { retailer } = ledger.members;
    const [serial = ""] = await ledger.serialsOf(lots.p1);
    expect(await scan(retailer, "PACK-1", serial)).toMatchObject({
      kind: "recalled",
      lotCode: "PACK-1",
      recalledLotCode: "HARVEST-1",
      package: { serial, isRemoved: false, canRemove: true },
    });
    await removePackage({ db: ledger.db, member: retailer, lotId: lots.p1, serial });
    expect(await scan(retailer, "PACK-1", serial)).toMatchObject({
      package: { serial, isRemoved: true },
    });
  });

  it("shows the alert to anyone, but only the holder's staff may mark the package removed", async () => {
    const { packer, retailerReadOnly } = ledger.members;
    const [serial = ""] = await ledger.serialsOf(lots.p1);
    expect(await scan(packer, "PACK-1", serial)).toMatchObject({
      package: {
        canRemove: false,
        advice: `Take package ${serial} off the shelf: Test packer does not hold its lot, so tell the organisation that does.`,
      },
    });
    expect(await scan(retailerReadOnly, "PACK-1", serial)).toMatchObject({
      package: {
        canRemove: false,
        advice: `Take package ${serial} off the shelf and ask a colleague with staff access to mark it removed.`,
      },
    });
  });

  it("leaves a package of the sibling batch on sale", async () => {
    const [serial = ""] = await ledger.serialsOf(lots.s);
    expect(await scan(ledger.members.retailer, "SIBLING-1", serial)).toMatchObject({
      kind: "lot",
      nextAction: "manage",
    });
  });
});
