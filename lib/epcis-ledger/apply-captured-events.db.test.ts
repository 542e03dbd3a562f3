import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Member } from "@/lib/auth/session";
import { lotIdOf } from "@/lib/chain/lot-id";
import { NOT_ON_ITS_WAY } from "@/lib/events/receiving";
import { getLotDetail } from "@/lib/lots/get-lot-detail";
import { notHeldMessage } from "@/lib/lots/guards";
import { originText } from "@/lib/lots/lot-origin";
import { countRows } from "@/tools/testing/database-text";
import { createLedgerWorld, type LedgerWorld } from "@/tools/testing/ledger-world";
import { TEST_GTIN } from "@/tools/testing/lot-steps";
import {
  capturedEvents,
  commissioning,
  receiving,
  SUPPLIER_GLN,
  SUPPLIER_GTIN,
  shipping,
} from "@/tools/testing/partner-events";
import { applyCapturedEvents } from ".";

// Captured EPCIS events become LotLedger events of the capturing organisation (issue 18, "Into the
// ledger"), on a real chain and database: the writes go through the outbox, the sender and the
// indexer, and the pages read what the indexer made of them.

const WRITTEN = ["LedgerTransaction", "EventPayload", "EpcisEvent"];
let world: LedgerWorld;

beforeAll(async () => {
  world = await createLedgerWorld();
});

afterAll(async () => {
  await world.drop();
});

async function capture(member: Member, events: Record<string, unknown>[]) {
  const job = await world.db.epcisCaptureJob.create({
    data: {
      organizationId: member.organization.id,
      payloadHash: "test",
      eventCount: events.length,
    },
  });
  return world.db.$transaction((tx) =>
    applyCapturedEvents(tx, member, { captureJobId: job.id, events: capturedEvents(events) }),
  );
}

describe("a supplier that is not on LotLedger", () => {
  it("has its lot registered by the member that receives it, which vouches for it but never produced it", async () => {
    const { retailer } = world.members;
    const me = retailer.organization.gln;
    const outcomes = await capture(retailer, [
      commissioning("GV-1"),
      shipping("GV-1", SUPPLIER_GLN, me),
      receiving("GV-1", SUPPLIER_GLN, me),
    ]);
    const lotId = lotIdOf(SUPPLIER_GTIN, "GV-1");
    expect(outcomes.map((o) => o.status)).toEqual(["accepted", "accepted", "accepted"]);
    const [registered, shipped, received] = outcomes as Extract<
      (typeof outcomes)[number],
      { status: "accepted" }
    >[];
    expect(registered?.ledgerTransactionId).not.toBeNull();
    expect([shipped?.ledgerTransactionId, received?.ledgerTransactionId]).toEqual([null, null]);
    expect([registered?.lotIds, shipped?.lotIds, received?.lotIds]).toEqual([
      [lotId],
      [lotId],
      [lotId],
    ]);
    const write = await world.db.ledgerTransaction.findUniqueOrThrow({
      where: { id: registered?.ledgerTransactionId as string },
    });
    expect(write.method).toBe("registerReceivedLot");
    // The registration's repository row is the event as captured, under its captured hash ID.
    const row = await world.db.epcisEvent.findFirstOrThrow({
      where: { ledgerTransactionId: write.id },
    });
    expect(row.eventId).toBe(capturedEvents([commissioning("GV-1")])[0]?.eventId);

    await world.settle();
    const lot = await world.db.lot.findUniqueOrThrow({ where: { id: lotId } });
    expect([lot.producer, lot.custodian]).toEqual([null, retailer.organization.chainAddress]);
    const detail = await getLotDetail({ db: world.db, member: retailer, lotId });
    expect(detail?.trail.map((e) => [e.name, e.isVerified])).toEqual([["LotReceived", true]]);
    expect(detail && originText(detail)).toBe(
      `received from the supplier with GLN ${SUPPLIER_GLN} (not on LotLedger) by Test retailer`,
    );
  });

  it("cannot pass a member's GTIN off as its own: the lot form's refusal, at the identifier", async () => {
    const { retailer } = world.members;
    const before = await countRows(world.db, WRITTEN);
    const outcomes = await capture(retailer, [commissioning("BRAND-9", TEST_GTIN)]);
    expect(outcomes).toEqual([
      {
        status: "rejected",
        field: "/quantityList/0/epcClass",
        reason: `Test retailer has no GS1 company prefix registered on LotLedger, so it cannot register lots of GTIN ${TEST_GTIN}: ask your LotLedger administrator to register your organisation's prefix.`,
      },
    ]);
    expect(await countRows(world.db, WRITTEN)).toEqual(before);
  });
});

describe("events between LotLedger members", () => {
  it("move custody through the ship and receive forms' rules, verified on the ledger", async () => {
    const { farm, packer } = world.members;
    const lotId = await world.harvest("CAP-2");
    const shipped = await capture(farm, [
      shipping("CAP-2", farm.organization.gln, packer.organization.gln, TEST_GTIN),
    ]);
    expect(shipped[0]).toMatchObject({ status: "accepted", lotIds: [lotId] });
    await world.settle();
    const inTransit = await world.db.lot.findUniqueOrThrow({ where: { id: lotId } });
    expect([inTransit.status, inTransit.recipient]).toEqual([
      "IN_TRANSIT",
      packer.organization.chainAddress,
    ]);
    const site = packer.organization.gln;
    const received = await capture(packer, [
      receiving("CAP-2", farm.organization.gln, site, TEST_GTIN),
    ]);
    expect(received[0]).toMatchObject({ status: "accepted", lotIds: [lotId] });
    await world.settle();
    const detail = await getLotDetail({ db: world.db, member: packer, lotId });
    expect(detail?.custodian.address).toBe(packer.organization.chainAddress);
    expect(detail?.trail.map((e) => [e.name, e.isVerified])).toEqual([
      ["LotCreated", true],
      ["LotHandedOff", true],
      ["LotHandoffAccepted", true],
    ]);
  });

  it("refuse a lot the capturer does not hold or that is not on its way, writing nothing", async () => {
    const { farm, carrier } = world.members;
    await world.harvest("CAP-3");
    const before = await countRows(world.db, WRITTEN);
    const observed = {
      ...commissioning("CAP-3", TEST_GTIN),
      action: "OBSERVE",
      bizStep: "inspecting",
    };
    const outcomes = await capture(carrier, [
      observed,
      receiving("CAP-3", farm.organization.gln, carrier.organization.gln, TEST_GTIN),
      shipping("CAP-3", carrier.organization.gln, farm.organization.gln, TEST_GTIN),
    ]);
    const field = "/quantityList/0/epcClass";
    expect(outcomes).toEqual([
      { status: "rejected", field, reason: notHeldMessage("have events recorded") },
      { status: "rejected", field, reason: NOT_ON_ITS_WAY },
      { status: "rejected", field, reason: notHeldMessage("be shipped") },
    ]);
    expect(await countRows(world.db, WRITTEN)).toEqual(before);
  });
});
