import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Member } from "@/lib/auth/session";
import { hashPayload, type PayloadValue } from "@/lib/chain/payload";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/input";
import { createSigningKey } from "@/lib/organizations";
import { countRows } from "@/tools/testing/database-text";
import {
  createLedgerWorld,
  GTIN,
  type LedgerWorld,
  MASTER_KEY,
} from "@/tools/testing/ledger-world";
import { findRecallOf } from "./in-force";
import { approveLift, liftRecall } from "./lift";
import { findRecallsAwaiting } from "./list";
import { deliverDueNotifications } from "./notifications/deliver";
import { liftEmail } from "./notifications/lift-email";
import type { RecallLiftedMessage } from "./notifications/queue";
import { acknowledgeRecall } from "./progress";
import { startRecall } from "./start";
import { sweepOpenRecalls } from "./sweep";
import { liftInput, recallInput } from "./terms";
import { getRecall } from "./view";

const APP_URL = "https://lotledger.test";
const LIFT_REASON = "The retained sample was from another batch";

let ledger: LedgerWorld;
/** Harvest H (farm) → packer splits it into P1 (shipped to the retailer) and P2. */
const lots = { h: "", p1: "", p2: "" };
/** The retailer's recall of H. */
let recallId = "";
/** A second retailer, asked to acknowledge the recall of H as if it held some of its stock. */
let otherRetailer: Member;

const recall = (member: Member, lotId: string) =>
  startRecall({
    db: ledger.db,
    member,
    lotId,
    input: parseInput(recallInput, {
      reason: "Listeria in a retained sample",
      severity: "CLASS_I",
    }),
    appUrl: APP_URL,
  });
const lift = async (member: Member, id = recallId, reason: unknown = LIFT_REASON) =>
  liftRecall({
    db: ledger.db,
    member,
    recallId: id,
    input: parseInput(liftInput, { reason }),
    appUrl: APP_URL,
  });

async function written() {
  const { db } = ledger;
  return {
    rows: await countRows(db, ["LedgerTransaction", "EventPayload", "Notification"]),
    lifts: await db.recall.count({ where: { liftLedgerTransactionId: { not: null } } }),
  };
}

/** The code and sentence a lift is refused with, after checking it wrote nothing. */
async function refusal(run: () => Promise<unknown>) {
  const before = await written();
  const error: unknown = await run().then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(AppError);
  expect(await written()).toEqual(before);
  const { code, message, field } = error as AppError;
  return { code, message, field };
}

beforeAll(async () => {
  ledger = await createLedgerWorld();
  const { db, members } = ledger;
  const { farm, packer, retailer } = members;
  lots.h = await ledger.harvest("HARVEST-1");
  await ledger.ship(farm, lots.h, packer);
  [lots.p1 = "", lots.p2 = ""] = await ledger.split(packer, lots.h, ["PACK-1", "PACK-2"]);
  await ledger.ship(packer, lots.p1, retailer);
  ({ recallId } = await recall(retailer, lots.h));
  await ledger.settle();
  const key = createSigningKey(MASTER_KEY);
  const organization = await db.organization.create({
    data: {
      name: "Other shop",
      kind: "RETAILER",
      gln: "9520000000993",
      chainAddress: key.address,
      encryptedKey: key.encryptedKey,
    },
  });
  otherRetailer = {
    ...retailer,
    userId: "user-other",
    organization: {
      id: organization.id,
      name: organization.name,
      kind: "RETAILER",
      gln: organization.gln,
      chainAddress: organization.chainAddress,
    },
  };
  await db.recallAcknowledgement.create({ data: { recallId, organizationId: organization.id } });
});

afterAll(async () => {
  await ledger.drop();
});

describe("liftRecall refuses, in one sentence and writing nothing,", () => {
  it("a read-only account", async () => {
    expect(await refusal(() => lift(ledger.members.retailerReadOnly))).toEqual({
      code: "FORBIDDEN",
      message: "Your account is read-only: ask a colleague with staff access to lift the recall.",
      field: undefined,
    });
  });

  it("another retailer, or a packer holding the stock: only a regulator or the recaller may", async () => {
    const sentence =
      "Only a regulator or an admin of Test retailer, which started this recall, can lift it.";
    expect(await refusal(() => lift(otherRetailer))).toMatchObject({
      code: "FORBIDDEN",
      message: sentence,
    });
    expect((await refusal(() => lift(ledger.members.packer))).message).toBe(sentence);
  });

  it("no reason, or one too long", async () => {
    const retailer = ledger.members.retailer;
    expect(await refusal(() => lift(retailer, recallId, "  "))).toEqual({
      code: "INVALID_INPUT",
      message:
        "Give the reason for lifting the recall: every organisation asked to act on it reads it.",
      field: "reason",
    });
    expect((await refusal(() => lift(retailer, recallId, "x".repeat(1001)))).message).toBe(
      "Keep the reason under 1,000 characters: put the full report in a document and name it.",
    );
  });
});

describe("the retailer lifting its own recall", () => {
  let writeId = "";

  beforeAll(async () => {
    // Class I: one admin asks, a second approves, and only then is anything written.
    const { retailer } = ledger.members;
    expect((await lift(retailer)).writeId).toBeNull();
    ({ writeId } = await approveLift({
      db: ledger.db,
      member: { ...retailer, userId: "user-RETAILER-2", name: "Second admin" },
      recallId,
      appUrl: APP_URL,
    }));
  });

  it("waits in the outbox as LotTracker.liftRecall with the hash of an EPCIS lift notice", async () => {
    const { db } = ledger;
    const row = await db.recall.findUniqueOrThrow({ where: { id: recallId } });
    expect(row).toMatchObject({
      liftReason: LIFT_REASON,
      liftedById: ledger.members.retailer.userId,
      liftLedgerTransactionId: writeId,
      closedAt: null,
    });
    const write = await db.ledgerTransaction.findUniqueOrThrow({ where: { id: writeId } });
    expect(write).toMatchObject({ method: "liftRecall", args: [lots.h, row.liftPayloadHash] });
    const notice = await db.eventPayload.findUniqueOrThrow({
      where: { hash: row.liftPayloadHash ?? "" },
    });
    expect(hashPayload(notice.body as PayloadValue)).toBe(row.liftPayloadHash);
    expect(notice.body).toMatchObject({
      type: "ObjectEvent",
      cte: "recall",
      disposition: "active",
      kde: { traceabilityLotCode: "HARVEST-1", recallLifted: true, liftReason: LIFT_REASON },
    });
  });

  it("queues a notice to every organisation asked to act, saying the lot's recall was lifted and why", async () => {
    const { db, members } = ledger;
    const notices = await db.notification.findMany({
      where: { recallId, payload: { path: ["type"], equals: "recall.lifted" } },
    });
    expect(notices.map((n) => n.organizationId).sort()).toEqual(
      [
        members.farm.organization.id,
        members.packer.organization.id,
        members.retailer.organization.id,
        otherRetailer.organization.id,
      ].sort(),
    );
    const message = notices[0]?.payload as RecallLiftedMessage;
    expect(message).toMatchObject({ liftWriteId: writeId, reason: LIFT_REASON });
    const email = liftEmail("delivery-1", message);
    expect(email.subject).toBe("Recall lifted: lot HARVEST-1");
    expect(email.text).toContain(
      `The recall of lot HARVEST-1 (GTIN ${GTIN}) was lifted by Test retailer`,
    );
    // The retailer's words, quoted: every line of them behind "> ", none of them LotLedger's.
    expect(email.text).toContain(`Why, in Test retailer's own words:\n> ${LIFT_REASON}\n\n`);
    expect(email.html).toContain(`<blockquote>${LIFT_REASON}</blockquote>`);
  });

  it("refuses a second lift while the first waits for the ledger", async () => {
    expect((await refusal(() => lift(ledger.members.regulator))).message).toBe(
      "The lifting of this recall of lot HARVEST-1 is already waiting for the ledger: wait until it is recorded.",
    );
  });

  it("once recorded, returns the lot to its status before the recall and clears the scope", async () => {
    await ledger.settle();
    const { db } = ledger;
    // H was split before it was recalled: it goes back to consumed, and nothing covers its lots.
    expect(await db.lot.findUniqueOrThrow({ where: { id: lots.h } })).toMatchObject({
      status: "CONSUMED",
    });
    expect(await findRecallOf({ db, lotId: lots.h })).toBeNull();
    expect(await findRecallOf({ db, lotId: lots.p1 })).toBeNull();
  });

  it("has the notifier send the lift notices once the ledger has recorded the lift", async () => {
    const lines: string[] = [];
    await deliverDueNotifications({
      db: ledger.db,
      masterKey: MASTER_KEY,
      log: (l) => lines.push(l),
    });
    expect(lines.filter((l) => l.includes("was lifted"))).toHaveLength(4);
    expect(lines).toContain(
      `notifier: recall notice for Other shop (GLN 9520000000993): the recall of lot HARVEST-1 of GTIN ${GTIN} was lifted, Test retailer says "${LIFT_REASON}"; ${APP_URL}/recalls/${recallId}`,
    );
  });

  it("reads as lifted, leaves the banner, and the sweep closes it", async () => {
    const { db, members } = ledger;
    const view = await getRecall({ db, member: members.retailer, recallId });
    expect(view?.lift).toMatchObject({
      status: "CONFIRMED",
      reason: LIFT_REASON,
    });
    expect(view?.canLift).toBe(false);
    const awaiting = await findRecallsAwaiting({
      db,
      organizationId: members.packer.organization.id,
    });
    expect(awaiting.map((r) => r.id)).not.toContain(recallId);
    await sweepOpenRecalls({ db, appUrl: APP_URL });
    const row = await db.recall.findUniqueOrThrow({ where: { id: recallId } });
    expect(row.closedAt).toBeInstanceOf(Date);
  });

  it("refuses acknowledging it, and lifting it again", async () => {
    const { db, members } = ledger;
    const before = await db.recallAcknowledgement.count({
      where: { acknowledgedAt: { not: null } },
    });
    await expect(acknowledgeRecall({ db, member: members.packer, recallId })).rejects.toThrow(
      `This recall was lifted: ${LIFT_REASON} — there is nothing more to do for it.`,
    );
    expect(await db.recallAcknowledgement.count({ where: { acknowledgedAt: { not: null } } })).toBe(
      before,
    );
    expect((await refusal(() => lift(members.regulator))).message).toBe(
      "This recall of lot HARVEST-1 is already lifted.",
    );
  });

  it("lets the lot be recalled again", async () => {
    const again = await recall(ledger.members.regulator, lots.h);
    await ledger.settle();
    expect((await findRecallOf({ db: ledger.db, lotId: lots.p1 }))?.id).toBe(again.recallId);
  });
});
