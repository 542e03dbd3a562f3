import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeOnce } from "@/lib/api/idempotency";
import { handOffLot } from "@/lib/events/shipping";
import { buildUnit } from "@/lib/logistic-units/build-unit";
import { createLedgerWorld, type LedgerWorld } from "@/tools/testing/ledger-world";
import { getShipment } from "./get-shipment";
import { listShipments } from "./list-shipments";
import { shipGoods } from "./ship";
import { findShippableGoods } from "./shippable-goods";

// Issue 17: pallets and loose lots leave in ONE ledger write (LotTracker.handoffBatch), and a
// refusal leaves nothing written.

let world: LedgerWorld;

beforeAll(async () => {
  world = await createLedgerWorld();
});

afterAll(async () => {
  await world.drop();
});

const batchWrites = () => world.db.ledgerTransaction.count({ where: { method: "handoffBatch" } });

async function palletOf(lotCodes: string[], { settle = true } = {}) {
  const lotIds = await Promise.all(lotCodes.map((code) => world.harvest(code)));
  const { sscc } = await buildUnit({ db: world.db, member: world.members.farm, input: { lotIds } });
  if (settle) await world.settle();
  return { sscc, lotIds };
}

async function shipmentInput(extra: object) {
  const { retailer, carrier } = world.members;
  return {
    recipientGln: retailer.organization.gln,
    carrierGln: carrier.organization.gln,
    ...extra,
  };
}

describe("shipping pallets and lots", () => {
  it("queues one handoffBatch of every lot, the SSCCs in epcList and kde.shipment its reference", async () => {
    const { farm, carrier } = world.members;
    const pallet = await palletOf(["SH-A", "SH-B"]);
    const loose = await world.harvest("SH-C");
    const { writeId, reference } = await shipGoods({
      db: world.db,
      member: farm,
      input: await shipmentInput({ ssccs: [pallet.sscc], lotIds: [loose] }),
    });
    const write = await world.db.ledgerTransaction.findUniqueOrThrow({ where: { id: writeId } });
    expect(write.method).toBe("handoffBatch");
    expect(write.args).toEqual([
      [...pallet.lotIds, loose],
      carrier.organization.chainAddress,
      write.payloadHash,
    ]);
    const { body } = await world.db.eventPayload.findUniqueOrThrow({
      where: { hash: write.payloadHash ?? "" },
    });
    expect(body).toMatchObject({
      type: "ObjectEvent",
      bizStep: "shipping",
      disposition: "in_transit",
      epcList: [expect.stringMatching(/^urn:epc:id:sscc:\d+\.\d+$/)],
      quantityList: [{ quantity: 100 }, { quantity: 100 }, { quantity: 100 }],
      bizTransactionList: [{ type: "desadv", bizTransaction: `urn:lotledger:desadv:${reference}` }],
      kde: { shipment: reference, units: [{ sscc: pallet.sscc, lotIds: pallet.lotIds }] },
    });
    await world.settle();
    expect(
      await world.db.ledgerTransaction.findUniqueOrThrow({ where: { id: writeId } }),
    ).toMatchObject({
      status: "CONFIRMED",
    });
  });

  it("ships a pallet right behind its packing write, before the ledger has it", async () => {
    const pallet = await palletOf(["SH-EARLY-1", "SH-EARLY-2"], { settle: false });
    const { writeId } = await shipGoods({
      db: world.db,
      member: world.members.farm,
      input: await shipmentInput({ ssccs: [pallet.sscc] }),
    });
    await world.settle();
    const writes = await world.db.ledgerTransaction.findMany({
      where: { OR: [{ id: writeId }, { method: "packUnit", lotId: pallet.lotIds[0] }] },
      select: { method: true, status: true },
      orderBy: { createdAt: "asc" },
    });
    expect(writes).toEqual([
      { method: "packUnit", status: "CONFIRMED" },
      { method: "handoffBatch", status: "CONFIRMED" },
    ]);
  });

  it.each([
    ["nothing chosen", async () => ({}), "Choose at least one pallet or lot to ship."],
    [
      "a lot in transit",
      async () => {
        const lotId = await world.harvest("SH-TRANSIT");
        await handOffLot({
          db: world.db,
          member: world.members.farm,
          lotId,
          input: { recipientGln: world.members.packer.organization.gln },
        });
        await world.settle();
        return { lotIds: [lotId] };
      },
      "Lot SH-TRANSIT is in transit, so it cannot be shipped now.",
    ],
    [
      "a lot both loose and on its pallet",
      async () => {
        const pallet = await palletOf(["SH-TWICE"]);
        return { ssccs: [pallet.sscc], lotIds: pallet.lotIds };
      },
      /^Lot SH-TWICE is on pallet \d{18}: choose the pallet or the lot, not both\.$/,
    ],
    [
      "a loose lot packed on a pallet",
      async () => ({ lotIds: (await palletOf(["SH-PACKED"])).lotIds }),
      /^Lot SH-PACKED is packed on pallet \d{18}: ship the pallet, or take it apart first\.$/,
    ],
    [
      "a pallet never packed",
      async () => ({ ssccs: ["106141410000099990"] }),
      "Pallet 106141410000099990 is not packed on LotLedger: check the SSCC on its label, or build the pallet first.",
    ],
  ])("refuses %s in one sentence and writes nothing", async (_, choose, sentence) => {
    const before = await batchWrites();
    await expect(
      shipGoods({
        db: world.db,
        member: world.members.farm,
        input: await shipmentInput(await choose()),
      }),
    ).rejects.toThrow(sentence);
    expect(await batchWrites()).toBe(before);
  });

  it("refuses a pallet the organisation does not hold", async () => {
    const pallet = await palletOf(["SH-NOT-MINE"]);
    await expect(
      shipGoods({
        db: world.db,
        member: world.members.packer,
        input: await shipmentInput({ ssccs: [pallet.sscc] }),
      }),
    ).rejects.toThrow(
      `Your organisation does not hold pallet ${pallet.sscc}, so it cannot ship it: check the SSCC on its label.`,
    );
  });

  it("ships exactly once per Idempotency-Key", async () => {
    const pallet = await palletOf(["SH-ONCE"]);
    const key = crypto.randomUUID();
    const ship = async () =>
      writeOnce({
        db: world.db,
        member: world.members.farm,
        key,
        write: async () =>
          shipGoods({
            db: world.db,
            member: world.members.farm,
            input: await shipmentInput({ ssccs: [pallet.sscc] }),
            idempotencyKey: key,
          }),
      });
    const first = await ship();
    const again = await ship();
    expect(first.status).toBe(202);
    expect(again.status).toBe(200);
    expect(again.answer.writeId).toBe(first.answer.writeId);
    expect(
      await world.db.ledgerTransaction.count({
        where: { method: "handoffBatch", idempotencyKey: key },
      }),
    ).toBe(1);
  });

  it("offers the pallets and loose lots held, and shows a shipment by pallet to its sender at once", async () => {
    const { farm, retailer } = world.members;
    const pallet = await palletOf(["SH-OFFER-1", "SH-OFFER-2"]);
    const loose = await world.harvest("SH-OFFER-3");
    const goods = await findShippableGoods({ db: world.db, member: farm });
    expect(goods.pallets).toContainEqual({ sscc: pallet.sscc, lotCount: 2, caseCount: 0 });
    expect(goods.lots.map((lot) => lot.id)).toContain(loose);
    expect(goods.lots.map((lot) => lot.id)).not.toContain(pallet.lotIds[0]);
    const { reference } = await shipGoods({
      db: world.db,
      member: farm,
      input: await shipmentInput({ ssccs: [pallet.sscc], lotIds: [loose] }),
    });
    const waiting = await getShipment({ db: world.db, member: farm, reference });
    expect(waiting?.number).toBeNull();
    expect(waiting?.queuedWriteId).not.toBeNull();
    expect((await listShipments({ db: world.db, member: farm })).sent[0]).toMatchObject({
      reference,
      state: "Waiting for the ledger",
    });
    await world.settle();
    const shipment = await getShipment({ db: world.db, member: farm, reference });
    expect(shipment?.pallets.map((p) => [p.sscc, p.lots.map((lot) => lot.state)])).toEqual([
      [pallet.sscc, ["On its way", "On its way"]],
    ]);
    expect(shipment?.looseLots.map((lot) => lot.lotCode)).toEqual(["SH-OFFER-3"]);
    expect(shipment?.canAnswer).toBe(false);
    expect(await getShipment({ db: world.db, member: retailer, reference })).not.toBeNull();
    expect(await getShipment({ db: world.db, member: world.members.packer, reference })).toBeNull();
  });
});
