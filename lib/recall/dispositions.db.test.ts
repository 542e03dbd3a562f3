import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Member } from "@/lib/auth/session";
import { lotIdOf } from "@/lib/chain/lot-id";
import { AppError } from "@/lib/errors";
import { queueTrackingEvent } from "@/lib/events/record-event";
import { parseInput } from "@/lib/input";
import {
  createLedgerWorld,
  GTIN,
  type LedgerWorld,
  MASTER_KEY,
} from "@/tools/testing/ledger-world";
import { harvestValues, siteOf } from "@/tools/testing/lot-steps";
import { reportDisposition } from "./dispositions";
import { getRecallEffectiveness } from "./effectiveness";
import { deliverDueNotifications } from "./notifications/deliver";
import { scopeOf } from "./progress";
import { startRecall } from "./start";
import { sweepOpenRecalls } from "./sweep";
import { dispositionInput, recallInput } from "./terms";

// Issue 14, must be true 4: a holder that reports 40 of its 48 cases destroyed and 8 already sold
// has accounted for 100 %; one that reports nothing keeps the recall open and is reminded.

const APP_URL = "https://lotledger.test";
const HOUR = 60 * 60 * 1000;
let ledger: LedgerWorld;
let cornerShop: Member;
/** Harvest H of 96 cases, split into P1 (48, to the retailer) and P2 (48, to the corner shop). */
const lots = { h: "", p1: "", p2: "" };
let recallId = "";

const report = (member: Member, lotId: string, quantities: Record<string, string>) =>
  reportDisposition({
    db: ledger.db,
    member,
    recallId,
    input: parseInput(dispositionInput, { lotId, quantities }),
  });
const effectiveness = async () =>
  getRecallEffectiveness(ledger.db, {
    recallId,
    scope: await scopeOf(ledger.db, { lotId: lots.h }),
  });
const reminders = () =>
  ledger.db.notification.findMany({
    where: { recallId, payload: { path: ["type"], equals: "recall.reminder" } },
  });
const sweepAt = (now: Date) =>
  sweepOpenRecalls({ db: ledger.db, appUrl: APP_URL, remindAfterMs: 24 * HOUR, now });

async function refusal(run: () => Promise<unknown>): Promise<string> {
  const before = await ledger.db.recallDisposition.count();
  const error = await run().then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(AppError);
  expect(await ledger.db.recallDisposition.count()).toBe(before);
  return (error as AppError).message;
}

beforeAll(async () => {
  ledger = await createLedgerWorld();
  const { db, members } = ledger;
  const { farm, retailer, regulator } = members;
  cornerShop = await ledger.addOrganization("RETAILER", "Corner shop");
  const values = await harvestValues(
    db,
    farm,
    { lotCode: "CASES-H", nextHolder: retailer },
    { quantity: "96", unit: "case" },
  );
  ({ lotId: lots.h } = await queueTrackingEvent({ db, member: farm, cte: "harvesting", values }));
  await ledger.settle();
  await queueTrackingEvent({
    db,
    member: farm,
    cte: "split",
    values: {
      lotId: lots.h,
      locationGln: await siteOf(db, farm),
      splitDate: new Date().toISOString().slice(0, 10),
      documentType: "prodorder",
      documentNumber: "SPLIT-CASES",
      ...Object.fromEntries(
        ["CASES-P1", "CASES-P2"].flatMap((lotCode, i) => [
          [`outputs.${i}.lotCode`, lotCode],
          [`outputs.${i}.quantity`, "48"],
          [`outputs.${i}.unit`, "case"],
          [`outputs.${i}.packages`, ""],
        ]),
      ),
    },
  });
  await ledger.settle();
  lots.p1 = lotIdOf(GTIN, "CASES-P1");
  lots.p2 = lotIdOf(GTIN, "CASES-P2");
  await ledger.ship(farm, lots.p1, retailer);
  await ledger.ship(farm, lots.p2, cornerShop);
  ({ recallId } = await startRecall({
    db,
    member: regulator,
    lotId: lots.h,
    input: parseInput(recallInput, {
      reason: "E. coli O157:H7 in irrigation water",
      severity: "CLASS_I",
    }),
    appUrl: APP_URL,
  }));
  await ledger.settle();
});

afterAll(async () => {
  await ledger.drop();
});

describe("recall effectiveness", () => {
  it("counts 96 cases in scope, none accounted for yet", async () => {
    const now = await effectiveness();
    expect(now.quantities).toEqual([{ unit: "case", inScope: "96", accounted: "0" }]);
    expect(now.holders.map((h) => [h.name, h.percent])).toEqual([
      ["Corner shop", 0],
      ["Test retailer", 0],
    ]);
  });

  it("shows 100 % for a holder that reports 40 of its 48 cases destroyed and 8 already sold", async () => {
    const { progress } = await report(ledger.members.retailer, lots.p1, {
      DESTROYED: "40",
      ALREADY_SOLD: "8",
    });
    const now = await effectiveness();
    const retailer = now.holders.find((h) => h.name === "Test retailer");
    expect(retailer).toMatchObject({
      percent: 100,
      isAccounted: true,
      quantities: [{ unit: "case", inScope: "48", accounted: "48" }],
    });
    expect(retailer?.lots[0]?.reported).toEqual({
      REMOVED_FROM_SALE: "0",
      DESTROYED: "40",
      RETURNED_TO_SUPPLIER: "0",
      ALREADY_SOLD: "8",
    });
    // The corner shop has reported nothing: the recall stays open at half its stock.
    expect(progress).toMatchObject({ percent: 50, isComplete: false });
    const row = await ledger.db.recall.findUniqueOrThrow({ where: { id: recallId } });
    expect(row.closedAt).toBeNull();
    // Reporting is acknowledging.
    const acknowledgement = await ledger.db.recallAcknowledgement.findFirstOrThrow({
      where: { recallId, organizationId: ledger.members.retailer.organization.id },
    });
    expect(acknowledgement.acknowledgedAt).not.toBeNull();
  });

  it("refuses more than the lot's quantity, a lot the reporter does not hold, and a read-only account", async () => {
    const { retailer, retailerReadOnly } = ledger.members;
    expect(await refusal(() => report(retailer, lots.p1, { DESTROYED: "50" }))).toBe(
      "Lot CASES-P1 is 48 case: your quantities add up to 50 case. Correct them so that removed from sale, destroyed, returned to supplier, already sold add up to at most 48 case.",
    );
    expect(await refusal(() => report(retailer, lots.p2, { DESTROYED: "1" }))).toBe(
      "Test retailer does not hold lot CASES-P2: only its holder reports what became of it.",
    );
    expect(await refusal(() => report(retailerReadOnly, lots.p1, { DESTROYED: "1" }))).toBe(
      "Your account is read-only: ask a colleague with staff access to report what became of the recalled stock.",
    );
    expect(await refusal(() => report(retailer, lots.h, { DESTROYED: "1" }))).toBe(
      "This recall of lot CASES-H has no such stock: report on a lot listed on its page.",
    );
  });

  it("reminds the holder that reported nothing, once the configured time has passed, and once per period", async () => {
    expect(await sweepAt(new Date())).toBe(0);
    expect(await reminders()).toHaveLength(0);
    const later = new Date(Date.now() + 25 * HOUR);
    expect(await sweepAt(later)).toBe(1);
    const [reminder, ...others] = await reminders();
    expect(others).toHaveLength(0);
    expect(reminder?.organizationId).toBe(cornerShop.organization.id);
    expect(reminder?.payload).toMatchObject({
      type: "recall.reminder",
      concern: "HOLDS_STOCK",
      affectedLots: [{ lotCode: "CASES-P2" }],
    });
    expect(await sweepAt(new Date(later.getTime() + HOUR))).toBe(0);
    expect(await sweepAt(new Date(later.getTime() + 25 * HOUR))).toBe(1);
    expect(await reminders()).toHaveLength(2);
    const lines: string[] = [];
    await deliverDueNotifications({
      db: ledger.db,
      masterKey: MASTER_KEY,
      log: (l) => lines.push(l),
    });
    expect(lines).toContain(
      `notifier: recall notice for Corner shop (GLN ${cornerShop.organization.gln}): reminder, Class I recall of lot CASES-H of GTIN ${GTIN}; ${APP_URL}/recalls/${recallId}`,
    );
  });

  it("closes at 100 % when the last holder accounts for its stock", async () => {
    const { progress } = await report(cornerShop, lots.p2, {
      RETURNED_TO_SUPPLIER: "30",
      REMOVED_FROM_SALE: "18",
    });
    expect(progress).toMatchObject({ percent: 100, isComplete: true });
    const row = await ledger.db.recall.findUniqueOrThrow({ where: { id: recallId } });
    expect(row.closedAt).toBeInstanceOf(Date);
    expect(await sweepAt(new Date(Date.now() + 100 * HOUR))).toBe(0);
  });
});
