import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Member } from "@/lib/auth/session";
import { hashPayload, type PayloadValue } from "@/lib/chain/payload";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/input";
import { NO_SUCH_LOT } from "@/lib/lots/visibility";
import { createLedgerWorld, type LedgerWorld } from "@/tools/testing/ledger-world";
import { shipLot, splitLot } from "@/tools/testing/lot-steps";
import { startRecall } from "./start";
import { recallInput } from "./terms";

const APP_URL = "https://lotledger.test";
const REASON = { reason: "Listeria found in a retained sample", severity: "CLASS_I" } as const;

let ledger: LedgerWorld;
/** Harvest lot H (farm) shipped to the packer, split into H1 (to the retailer) and H2; sibling S. */
const lots = { h: "", h1: "", h2: "", s: "" };

async function rowCounts() {
  const { db } = ledger;
  return {
    recalls: await db.recall.count(),
    writes: await db.ledgerTransaction.count(),
    payloads: await db.eventPayload.count(),
    acknowledgements: await db.recallAcknowledgement.count(),
    notifications: await db.notification.count(),
  };
}

/** The code and sentence a recall is refused with, after checking it wrote nothing. */
async function refusal(run: () => Promise<unknown>) {
  const before = await rowCounts();
  const error: unknown = await run().then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(AppError);
  expect(await rowCounts()).toEqual(before);
  const { code, message, field } = error as AppError;
  return { code, message, field };
}

const recall = async (member: Member, lotId: string, input: unknown = REASON) =>
  startRecall({
    db: ledger.db,
    member,
    lotId,
    input: parseInput(recallInput, input),
    appUrl: APP_URL,
  });

beforeAll(async () => {
  ledger = await createLedgerWorld();
  const { farm, packer, retailer } = ledger.members;
  lots.h = await ledger.harvest("HARVEST-1");
  lots.s = await ledger.harvest("HARVEST-2");
  await ledger.ship(farm, lots.h, packer);
  [lots.h1 = "", lots.h2 = ""] = await ledger.split(packer, lots.h, ["PACK-1", "PACK-2"]);
  await ledger.ship(packer, lots.h1, retailer);
});

afterAll(async () => {
  await ledger.drop();
});

describe("startRecall refuses, in one sentence and writing nothing,", () => {
  it("a read-only account", async () => {
    expect(await refusal(() => recall(ledger.members.retailerReadOnly, lots.h))).toEqual({
      code: "FORBIDDEN",
      message: "Your account is read-only: ask a colleague with staff access to recall the lot.",
      field: undefined,
    });
  });

  it("a packer that held the lot but did not produce it", async () => {
    expect((await refusal(() => recall(ledger.members.packer, lots.h))).message).toBe(
      "Only a regulator, the producer of lot HARVEST-1, or a retailer that holds or held it or a lot made from or into it can recall it; Test packer is a packer that did not produce it.",
    );
  });

  it("a retailer, or a carrier, with no part in the lot: for them there is no such lot", async () => {
    // The retailer holds PACK-1, made from HARVEST-1, but nothing of the sibling harvest S.
    for (const member of [ledger.members.retailer, ledger.members.carrier]) {
      expect(await refusal(() => recall(member, lots.s))).toEqual({
        code: "NOT_FOUND",
        message: NO_SUCH_LOT,
        field: undefined,
      });
    }
  });

  it("a recall without a reason, with an unknown class, or with a reason too long", async () => {
    const retailer = ledger.members.retailer;
    expect(
      await refusal(() => recall(retailer, lots.h, { reason: "  ", severity: "CLASS_I" })),
    ).toEqual({
      code: "INVALID_INPUT",
      message: "Give the reason for the recall: every organisation holding the stock reads it.",
      field: "reason",
    });
    expect(
      await refusal(() => recall(retailer, lots.h, { reason: "Mould", severity: "IV" })),
    ).toEqual({
      code: "INVALID_INPUT",
      message: "Choose the recall class: I, II or III.",
      field: "severity",
    });
    expect(
      (
        await refusal(() =>
          recall(retailer, lots.h, { reason: "x".repeat(1001), severity: "CLASS_II" }),
        )
      ).message,
    ).toBe(
      "Keep the reason under 1,000 characters: put the full report in a document and name it.",
    );
  });

  it("a lot LotLedger does not know", async () => {
    expect(await refusal(() => recall(ledger.members.regulator, `0x${"ab".repeat(32)}`))).toEqual({
      code: "NOT_FOUND",
      message: NO_SUCH_LOT,
      field: undefined,
    });
  });
});

describe("a recall of the harvest lot by the retailer", () => {
  let recallId = "";

  beforeAll(async () => {
    ({ recallId } = await recall(ledger.members.retailer, lots.h));
  });

  it("waits in the outbox as LotTracker.recall with the hash of an EPCIS recall notice", async () => {
    const { db } = ledger;
    const row = await db.recall.findUniqueOrThrow({ where: { id: recallId } });
    expect(row).toMatchObject({
      lotId: lots.h,
      lotCode: "HARVEST-1",
      severity: "CLASS_I",
      closedAt: null,
    });
    const write = await db.ledgerTransaction.findUniqueOrThrow({
      where: { id: row.ledgerTransactionId },
    });
    expect(write).toMatchObject({
      method: "recall",
      args: [lots.h, row.payloadHash],
      lotId: lots.h,
    });
    expect(write.signerAddress).toBe(ledger.members.retailer.organization.chainAddress);
    const notice = await db.eventPayload.findUniqueOrThrow({ where: { hash: row.payloadHash } });
    expect(hashPayload(notice.body as PayloadValue)).toBe(row.payloadHash);
    expect(notice.body).toMatchObject({
      type: "ObjectEvent",
      cte: "recall",
      disposition: "recalled",
      bizStep: "holding",
      kde: {
        traceabilityLotCode: "HARVEST-1",
        recallReason: REASON.reason,
        recallClass: "Class I",
      },
    });
  });

  it("asks exactly the organisations holding the lot or what was made from it, and the farm that held the harvest", async () => {
    const { db, members } = ledger;
    const asked = await db.recallAcknowledgement.findMany({ where: { recallId } });
    expect(asked.map((a) => [a.organizationId, a.concern]).sort()).toEqual(
      [
        [members.packer.organization.id, "HOLDS_STOCK"],
        [members.retailer.organization.id, "HOLDS_STOCK"],
        [members.farm.organization.id, "HELD_STOCK"],
      ].sort(),
    );
    expect(asked.every((a) => a.acknowledgedAt === null)).toBe(true);
    const notices = await db.notification.findMany({ where: { recallId } });
    expect(notices).toHaveLength(3);
    const toRetailer = notices.find((n) => n.organizationId === members.retailer.organization.id);
    expect(toRetailer?.payload).toMatchObject({
      type: "recall.started",
      url: `${APP_URL}/recalls/${recallId}`,
      product: { lotCode: "HARVEST-1" },
      concern: "HOLDS_STOCK",
      affectedLots: [{ lotCode: "PACK-1", status: "ACTIVE" }],
    });
  });

  it("refuses a second recall of the lot while the first waits for the ledger", async () => {
    expect((await refusal(() => recall(ledger.members.regulator, lots.h))).message).toBe(
      "Lot HARVEST-1 is already waiting for the ledger: wait until that is recorded.",
    );
  });

  it("marks only the harvest lot recalled on the chain; lots made from it and the sibling stay active", async () => {
    await ledger.settle();
    const statuses = await ledger.db.lot.findMany({ select: { lotCode: true, status: true } });
    expect(Object.fromEntries(statuses.map((l) => [l.lotCode, l.status]))).toEqual({
      "HARVEST-1": "RECALLED",
      "HARVEST-2": "ACTIVE",
      "PACK-1": "ACTIVE",
      "PACK-2": "ACTIVE",
    });
  });

  it("then refuses to recall the lot again, or a lot made from it", async () => {
    const { regulator, packer } = ledger.members;
    expect(await refusal(() => recall(regulator, lots.h))).toMatchObject({
      code: "CONFLICT",
      message: "Lot HARVEST-1 is already recalled: follow that recall on the recalls page.",
    });
    expect((await refusal(() => recall(packer, lots.h2))).message).toBe(
      "Lot PACK-2 is already in the scope of the recall of lot HARVEST-1, which it was made from: follow that recall on the recalls page.",
    );
  });

  it("keeps what was made from the recalled lot where it is: no shipping, no splitting", async () => {
    const { db, members } = ledger;
    const { packer, retailer } = members;
    expect(
      await refusal(() => shipLot(db, packer, { lotId: lots.h2, to: retailer })),
    ).toMatchObject({
      code: "CONFLICT",
      message:
        "Lot PACK-2 was made from lot HARVEST-1, which is recalled, so it cannot be shipped now: keep it off sale and follow the recall on the Recalls page.",
    });
    const split = () => splitLot(db, packer, { lotId: lots.h2, outputs: [{ lotCode: "PACK-2A" }] });
    expect((await refusal(split)).message).toBe(
      "Lot PACK-2 was made from lot HARVEST-1, which is recalled, so it cannot be split now: keep it off sale and follow the recall on the Recalls page.",
    );
  });

  it("leaves the sibling batch to be recalled on its own, by its producer", async () => {
    const { recallId: siblingRecall } = await recall(ledger.members.farm, lots.s, {
      reason: "Label misprint",
      severity: "CLASS_III",
    });
    await ledger.settle();
    expect(await ledger.db.lot.findUniqueOrThrow({ where: { id: lots.s } })).toMatchObject({
      status: "RECALLED",
    });
    const asked = await ledger.db.recallAcknowledgement.findMany({
      where: { recallId: siblingRecall },
    });
    expect(asked.map((a) => a.organizationId)).toEqual([ledger.members.farm.organization.id]);
  });
});
