import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Member } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/input";
import { createLedgerWorld, type LedgerWorld } from "@/tools/testing/ledger-world";
import { reportDisposition } from "./dispositions";
import { removePackage } from "./packages";
import { acknowledgeRecall, getRecallProgress, scopeOf } from "./progress";
import { startRecall } from "./start";
import { sweepOpenRecalls } from "./sweep";
import { dispositionInput, recallInput } from "./terms";

const APP_URL = "https://lotledger.test";

let ledger: LedgerWorld;
/** Harvest H (farm) → packer splits it into P1 (3 packages, shipped to the retailer) and P2 (2). */
const lots = { h: "", p1: "", p2: "", sibling: "" };
let recallId = "";

async function writtenRows() {
  const { db } = ledger;
  return {
    acknowledged: await db.recallAcknowledgement.count({
      where: { acknowledgedAt: { not: null } },
    }),
    removed: await db.package.count({ where: { removedAt: { not: null } } }),
    removals: await db.recallRemoval.count(),
    closed: await db.recall.count({ where: { closedAt: { not: null } } }),
  };
}

async function refusal(run: () => Promise<unknown>) {
  const before = await writtenRows();
  const error: unknown = await run().then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(AppError);
  expect(await writtenRows()).toEqual(before);
  return { code: (error as AppError).code, message: (error as AppError).message };
}

const acknowledge = (member: Member, id = recallId) =>
  acknowledgeRecall({ db: ledger.db, member, recallId: id });
const remove = (member: Member, lotId: string, serial: string) =>
  removePackage({ db: ledger.db, member, lotId, serial });
const progress = async () =>
  getRecallProgress(ledger.db, {
    recallId,
    scope: await scopeOf(ledger.db, { lotId: lots.h }),
  });

beforeAll(async () => {
  ledger = await createLedgerWorld();
  const { farm, packer, retailer, regulator } = ledger.members;
  lots.h = await ledger.harvest("HARVEST-1");
  const sibling = await ledger.harvest("HARVEST-2");
  [lots.sibling = ""] = await ledger.split(farm, sibling, ["SIBLING-1", "SIBLING-2"], {
    packagesEach: 2,
  });
  await ledger.ship(farm, lots.h, packer);
  const [p1 = "", p2 = ""] = await ledger.split(packer, lots.h, ["PACK-1", "PACK-2"], {
    packagesEach: 3,
  });
  Object.assign(lots, { p1, p2 });
  await ledger.ship(packer, p1, retailer);
  const input = parseInput(recallInput, {
    reason: "Salmonella in the wash water",
    severity: "CLASS_I",
  });
  ({ recallId } = await startRecall({
    db: ledger.db,
    member: regulator,
    lotId: lots.h,
    input,
    appUrl: APP_URL,
  }));
  await ledger.settle();
});

afterAll(async () => {
  await ledger.drop();
});

describe("closing out a recall", () => {
  it("starts at 0 %: 100 kg to account for, six packages, three organisations to acknowledge (the farm that shipped the harvest too)", async () => {
    expect(await progress()).toEqual({
      organizations: { acknowledged: 0, total: 3 },
      packages: { removed: 0, total: 6 },
      quantities: [{ unit: "kg", inScope: "100", accounted: "0" }],
      percent: 0,
      isComplete: false,
    });
  });

  it("refuses to acknowledge for a read-only account, an organisation out of scope, or no recall", async () => {
    const { retailerReadOnly, carrier, retailer } = ledger.members;
    expect(await refusal(() => acknowledge(retailerReadOnly))).toEqual({
      code: "FORBIDDEN",
      message:
        "Your account is read-only: ask a colleague with staff access to acknowledge the recall.",
    });
    expect(await refusal(() => acknowledge(carrier))).toEqual({
      code: "FORBIDDEN",
      message:
        "Test carrier held no stock of lot HARVEST-1 or what was made from it, so it has nothing to acknowledge.",
    });
    expect(await refusal(() => acknowledge(retailer, "no-such-recall"))).toEqual({
      code: "NOT_FOUND",
      message: "There is no such recall in force: open the recalls page to see the current ones.",
    });
  });

  it("records the retailer's acknowledgement once", async () => {
    const { retailer } = ledger.members;
    const first = await acknowledge(retailer);
    const again = await acknowledge(retailer);
    expect(again.acknowledgedAt).toEqual(first.acknowledgedAt);
    const row = await ledger.db.recallAcknowledgement.findUniqueOrThrow({
      where: { recallId_organizationId: { recallId, organizationId: retailer.organization.id } },
    });
    expect(row).toMatchObject({
      acknowledgedAt: first.acknowledgedAt,
      acknowledgedById: retailer.userId,
    });
    expect(first.progress.organizations).toEqual({ acknowledged: 1, total: 3 });
  });

  it("refuses to remove a package of the sibling batch, one held by someone else, or an unknown one", async () => {
    const { farm, retailer, retailerReadOnly } = ledger.members;
    const [siblingSerial = ""] = await ledger.serialsOf(lots.sibling);
    const [packerSerial = ""] = await ledger.serialsOf(lots.p2);
    expect(await refusal(() => remove(farm, lots.sibling, siblingSerial))).toEqual({
      code: "CONFLICT",
      message: `Package ${siblingSerial} of lot SIBLING-1 is not recalled: leave it on sale.`,
    });
    // The farm sees PACK-2 (made from its harvest) but does not hold it.
    expect(await refusal(() => remove(farm, lots.p2, packerSerial))).toEqual({
      code: "FORBIDDEN",
      message: `Package ${packerSerial} belongs to lot PACK-2, which Test farm does not hold: only its holder marks it removed.`,
    });
    // The retailer had no part in PACK-2, a sibling of its lot: not even its recall is told.
    expect(await refusal(() => remove(retailer, lots.p2, packerSerial))).toEqual({
      code: "NOT_FOUND",
      message: `LotLedger has no package ${packerSerial} of this lot: check the serial on the label.`,
    });
    expect(await refusal(() => remove(retailer, lots.p1, "NOSUCHSERIAL"))).toEqual({
      code: "NOT_FOUND",
      message: "LotLedger has no package NOSUCHSERIAL of this lot: check the serial on the label.",
    });
    expect((await refusal(() => remove(retailerReadOnly, lots.p1, "X"))).message).toBe(
      "Your account is read-only: ask a colleague with staff access to mark the package removed.",
    );
  });

  it("removes a package of a lot made from the recalled one, linked to the recall, once", async () => {
    const { retailer } = ledger.members;
    const [serial = ""] = await ledger.serialsOf(lots.p1);
    const removal = await remove(retailer, lots.p1, serial);
    expect(removal).toMatchObject({ recallId, serial, wasAlreadyRemoved: false });
    const again = await remove(retailer, lots.p1, serial);
    expect(again).toMatchObject({ wasAlreadyRemoved: true, removedAt: removal.removedAt });
    const stored = await ledger.db.package.findUniqueOrThrow({
      where: { lotId_serial: { lotId: lots.p1, serial } },
    });
    expect(stored).toMatchObject({ removedAt: removal.removedAt, removedById: retailer.userId });
    expect(await ledger.db.recallRemoval.count({ where: { recallId, packageId: stored.id } })).toBe(
      1,
    );
    // One of PACK-1's three packages is a third of its 50 kg: 16.666 of 100 kg removed from sale.
    expect(again.progress.quantities).toEqual([
      { unit: "kg", inScope: "100", accounted: "16.666" },
    ]);
    expect(again.progress.percent).toBe(16);
  });

  it("asks an organisation that received stock in scope after the recall started", async () => {
    const { packer, carrier } = ledger.members;
    // LotLedger holds PACK-2 where it is now, but it is active on the chain: another client can move it.
    await ledger.shipOnChainOnly(packer, lots.p2, carrier);
    expect(await sweepOpenRecalls({ db: ledger.db, appUrl: APP_URL })).toBe(1);
    const notice = await ledger.db.notification.findFirstOrThrow({
      where: { recallId, organizationId: carrier.organization.id },
    });
    expect(notice.payload).toMatchObject({ affectedLots: [{ lotCode: "PACK-2" }] });
    expect((await progress()).organizations).toEqual({ acknowledged: 1, total: 4 });
    expect(await sweepOpenRecalls({ db: ledger.db, appUrl: APP_URL })).toBe(0);
  });

  it("closes itself with the last package of its stock marked removed, at 100 %, acknowledged or not", async () => {
    const { carrier, retailer } = ledger.members;
    for (const serial of await ledger.serialsOf(lots.p2)) await remove(carrier, lots.p2, serial);
    const [last = "", ...others] = await ledger.serialsOf(lots.p1).then((s) => s.slice(1));
    for (const serial of others) await remove(retailer, lots.p1, serial);
    expect(
      (await ledger.db.recall.findUniqueOrThrow({ where: { id: recallId } })).closedAt,
    ).toBeNull();
    const final = await remove(retailer, lots.p1, last);
    expect(final.progress).toMatchObject({ percent: 100, isComplete: true });
    expect(
      (await ledger.db.recall.findUniqueOrThrow({ where: { id: recallId } })).closedAt,
    ).not.toBeNull();
  });

  it("does not close a recall the ledger has not recorded yet; the sweep closes it once it has", async () => {
    const { farm } = ledger.members;
    const lotId = await ledger.harvest("NO-PACKAGES");
    const input = parseInput(recallInput, {
      reason: "Allergen not declared",
      severity: "CLASS_II",
    });
    const started = await startRecall({
      db: ledger.db,
      member: farm,
      lotId,
      input,
      appUrl: APP_URL,
    });
    const { progress: done } = await reportDisposition({
      db: ledger.db,
      member: farm,
      recallId: started.recallId,
      input: parseInput(dispositionInput, { lotId, quantities: { DESTROYED: "100" } }),
    });
    expect(done.isComplete).toBe(true);
    const row = () => ledger.db.recall.findUniqueOrThrow({ where: { id: started.recallId } });
    expect((await row()).closedAt).toBeNull();
    await ledger.settle();
    await sweepOpenRecalls({ db: ledger.db, appUrl: APP_URL });
    expect((await row()).closedAt).not.toBeNull();
  });
});
