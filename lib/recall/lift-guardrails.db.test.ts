import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Member } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/input";
import { countRows } from "@/tools/testing/database-text";
import { createLedgerWorld, type LedgerWorld } from "@/tools/testing/ledger-world";
import { approveLift, liftRecall } from "./lift";
import { startRecall } from "./start";
import { liftInput, type RecallSeverity, recallInput } from "./terms";
import { getRecall } from "./view";

// Issue 14, finding 6: store staff who are not admins were offered "Lift this recall" on a Class I
// recall, and one person could lift it alone.

const APP_URL = "https://lotledger.test";
let ledger: LedgerWorld;
let retailerStaff: Member;
let secondAdmin: Member;
const recalls = { classOne: "", classTwo: "" };

const lift = (member: Member, recallId: string) =>
  liftRecall({
    db: ledger.db,
    member,
    recallId,
    input: parseInput(liftInput, { reason: "The sample was mislabelled" }),
    appUrl: APP_URL,
  });
const approve = (member: Member, recallId: string) =>
  approveLift({ db: ledger.db, member, recallId, appUrl: APP_URL });

/** The sentence of a refusal, after checking it wrote nothing. */
async function refusal(run: () => Promise<unknown>): Promise<string> {
  const tables = ["LedgerTransaction", "EventPayload", "Notification"];
  const before = await countRows(ledger.db, tables);
  const asked = await ledger.db.recall.count({ where: { liftRequestedAt: { not: null } } });
  const error = await run().then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(AppError);
  expect(await countRows(ledger.db, tables)).toEqual(before);
  expect(await ledger.db.recall.count({ where: { liftRequestedAt: { not: null } } })).toBe(asked);
  return (error as AppError).message;
}

async function recallOf(lotCode: string, severity: RecallSeverity): Promise<string> {
  const { farm, retailer } = ledger.members;
  const lotId = await ledger.harvest(lotCode);
  await ledger.ship(farm, lotId, retailer);
  const { recallId } = await startRecall({
    db: ledger.db,
    member: retailer,
    lotId,
    input: parseInput(recallInput, { reason: "Listeria in a retained sample", severity }),
    appUrl: APP_URL,
  });
  return recallId;
}

beforeAll(async () => {
  ledger = await createLedgerWorld();
  const { retailer } = ledger.members;
  retailerStaff = { ...retailer, userId: "user-RETAILER-staff", role: "STAFF" };
  secondAdmin = { ...retailer, userId: "user-RETAILER-2", name: "Second admin" };
  recalls.classOne = await recallOf("CLASS-ONE", "CLASS_I");
  recalls.classTwo = await recallOf("CLASS-TWO", "CLASS_II");
  await ledger.settle();
});

afterAll(async () => {
  await ledger.drop();
});

describe("lifting a recall", () => {
  it("is refused to the recalling organisation's staff who are not admins, and not offered to them", async () => {
    expect(await refusal(() => lift(retailerStaff, recalls.classTwo))).toBe(
      "Only an admin of Test retailer or a regulator can lift this recall: ask one of your admins.",
    );
    const view = await getRecall({
      db: ledger.db,
      member: retailerStaff,
      recallId: recalls.classTwo,
    });
    expect(view?.canLift).toBe(false);
  });

  it("is refused to an admin of an organisation that holds the stock but did not recall it", async () => {
    expect(await refusal(() => lift(ledger.members.farm, recalls.classTwo))).toBe(
      "Only a regulator or an admin of Test retailer, which started this recall, can lift it.",
    );
  });

  it("of a Class I recall takes two different people: one asks, nothing is written until another approves", async () => {
    const { db, members } = ledger;
    const before = await countRows(db, ["LedgerTransaction"]);
    expect(await lift(members.retailer, recalls.classOne)).toEqual({ writeId: null });
    expect(await countRows(db, ["LedgerTransaction"])).toEqual(before);
    const asker = await getRecall({ db, member: members.retailer, recallId: recalls.classOne });
    expect(asker?.lift).toMatchObject({
      status: "AWAITING_APPROVAL",
      reason: "The sample was mislabelled",
    });
    expect([asker?.canLift, asker?.canApproveLift]).toEqual([false, false]);
    const second = await getRecall({ db, member: secondAdmin, recallId: recalls.classOne });
    expect(second?.canApproveLift).toBe(true);

    expect(await refusal(() => approve(members.retailer, recalls.classOne))).toBe(
      "You asked to lift this Class I recall: a second person, an admin of Test retailer or a regulator, must approve it.",
    );
    expect(await refusal(() => lift(secondAdmin, recalls.classOne))).toBe(
      "Lifting this recall of lot CLASS-ONE was already asked for: it waits for a second person's approval.",
    );
    expect(await refusal(() => approve(retailerStaff, recalls.classOne))).toBe(
      "Only an admin of Test retailer or a regulator can lift this recall: ask one of your admins.",
    );

    const { writeId } = await approve(members.regulator, recalls.classOne);
    const write = await db.ledgerTransaction.findUniqueOrThrow({ where: { id: writeId } });
    expect(write).toMatchObject({
      method: "liftRecall",
      organizationId: members.regulator.organization.id,
    });
    expect(await db.recall.findUniqueOrThrow({ where: { id: recalls.classOne } })).toMatchObject({
      liftedById: members.retailer.userId,
      liftApprovedById: members.regulator.userId,
      liftLedgerTransactionId: writeId,
    });
    await ledger.settle();
    const lifted = await getRecall({ db, member: members.retailer, recallId: recalls.classOne });
    expect(lifted?.lift?.status).toBe("CONFIRMED");
  });

  it("of a Class II recall is one admin's step, and there is nothing to approve", async () => {
    const { members, db } = ledger;
    expect(await refusal(() => approve(members.regulator, recalls.classTwo))).toBe(
      "Nobody has asked to lift this recall of lot CLASS-TWO: there is nothing to approve.",
    );
    const { writeId } = await lift(members.retailer, recalls.classTwo);
    expect(writeId).not.toBeNull();
    expect(
      await db.ledgerTransaction.findUniqueOrThrow({ where: { id: writeId as string } }),
    ).toMatchObject({ method: "liftRecall" });
  });
});
