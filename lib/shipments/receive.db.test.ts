import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REJECTION_REASON } from "@/lib/events/receiving-terms";
import { buildUnit } from "@/lib/logistic-units/build-unit";
import { createLedgerWorld, type LedgerWorld } from "@/tools/testing/ledger-world";
import { findIncomingUnit } from "./find-incoming-unit";
import { NO_SUCH_SHIPMENT } from "./receipt-plan";
import { receiveShipment } from "./receive";
import { shipGoods } from "./ship";

// Issue 17: the recipient answers a shipment in ONE ledger write — whole (acceptShipment) or by
// pallet (acceptBatch) — and once part of it was answered, the rest goes lot by lot, said so.

let world: LedgerWorld;

beforeAll(async () => {
  world = await createLedgerWorld();
});

afterAll(async () => {
  await world.drop();
});

/** Two pallets (two lots, one lot) shipped by the farm to the retailer, carried by the carrier. */
async function twoPalletShipment(code: string) {
  const { farm, retailer, carrier } = world.members;
  const pallets = [];
  for (const codes of [[`${code}-1`, `${code}-2`], [`${code}-3`]]) {
    const lotIds = await Promise.all(codes.map((lotCode) => world.harvest(lotCode)));
    const { sscc } = await buildUnit({ db: world.db, member: farm, input: { lotIds } });
    pallets.push({ sscc, lotIds });
  }
  await world.settle();
  const { reference } = await shipGoods({
    db: world.db,
    member: farm,
    input: {
      recipientGln: retailer.organization.gln,
      carrierGln: carrier.organization.gln,
      ssccs: pallets.map((p) => p.sscc),
    },
  });
  await world.settle();
  return { reference, pallets };
}

const writeOf = (id: string) => world.db.ledgerTransaction.findUniqueOrThrow({ where: { id } });
const lotsOf = (ids: string[]) =>
  world.db.lot.findMany({ where: { id: { in: ids } }, select: { status: true, custodian: true } });

let refusals = 0;

describe("receiving a shipment", () => {
  it("accepts the whole shipment with one acceptShipment write naming its SSCCs", async () => {
    const { carrier } = world.members;
    const { reference, pallets } = await twoPalletShipment("RX-WHOLE");
    const { writeId, note } = await receiveShipment({
      db: world.db,
      member: carrier,
      reference,
      input: { decision: "accept" },
    });
    expect(note).toBeNull();
    const write = await writeOf(writeId);
    const shipment = await world.db.shipment.findUniqueOrThrow({ where: { reference } });
    expect(write.method).toBe("acceptShipment");
    expect(write.args).toEqual([String(shipment.number), write.payloadHash]);
    const { body } = await world.db.eventPayload.findUniqueOrThrow({
      where: { hash: write.payloadHash ?? "" },
    });
    expect(body).toMatchObject({
      bizStep: "receiving",
      epcList: [
        expect.stringMatching(/^urn:epc:id:sscc:/),
        expect.stringMatching(/^urn:epc:id:sscc:/),
      ],
      kde: { shipment: reference, decision: "accept" },
    });
    expect((body as { quantityList: unknown[] }).quantityList).toHaveLength(3);
    await world.settle();
    const lots = await lotsOf(pallets.flatMap((p) => p.lotIds));
    expect(lots).toEqual(
      Array(3).fill({ status: "ACTIVE", custodian: carrier.organization.chainAddress }),
    );
  });

  it("accepts one pallet with acceptBatch, then the rest lot by lot and says so", async () => {
    const { carrier } = world.members;
    const { reference, pallets } = await twoPalletShipment("RX-PART");
    const [first, second] = pallets as [(typeof pallets)[0], (typeof pallets)[0]];
    expect(await findIncomingUnit({ db: world.db, member: carrier, sscc: first.sscc })).toEqual({
      sscc: first.sscc,
      shipmentReference: reference,
      lotCount: 2,
      caseCount: 0,
    });
    const pallet = await receiveShipment({
      db: world.db,
      member: carrier,
      reference,
      input: { decision: "accept", ssccs: [first.sscc] },
    });
    const write = await writeOf(pallet.writeId);
    expect(write.method).toBe("acceptBatch");
    expect((write.args as unknown[])[1]).toEqual(first.lotIds);
    await world.settle();
    expect(await findIncomingUnit({ db: world.db, member: carrier, sscc: first.sscc })).toBeNull();
    const rest = await receiveShipment({
      db: world.db,
      member: carrier,
      reference,
      input: { decision: "reject", reason: "Crushed in the truck" },
    });
    expect(rest.note).toBe(
      "2 lots were already answered, taken back or recalled on their own, so the 1 still on the way is answered lot by lot.",
    );
    expect(await writeOf(rest.writeId)).toMatchObject({ method: "rejectBatch" });
    await world.settle();
    expect(await lotsOf(second.lotIds)).toEqual([
      { status: "ACTIVE", custodian: world.members.farm.organization.chainAddress },
    ]);
    await expect(
      receiveShipment({ db: world.db, member: carrier, reference, input: { decision: "accept" } }),
    ).rejects.toThrow(
      "Everything on this shipment is already received or refused: nothing is left to answer.",
    );
  });

  it("answers a pallet that is the whole shipment with the whole answer", async () => {
    const { farm, carrier } = world.members;
    const lotIds = [await world.harvest("RX-ONE-1"), await world.harvest("RX-ONE-2")];
    const { sscc } = await buildUnit({ db: world.db, member: farm, input: { lotIds } });
    await world.settle();
    const { reference } = await shipGoods({
      db: world.db,
      member: farm,
      input: { recipientGln: carrier.organization.gln, ssccs: [sscc] },
    });
    await world.settle();
    const { writeId } = await receiveShipment({
      db: world.db,
      member: carrier,
      reference,
      input: { decision: "accept", ssccs: [sscc] },
    });
    expect(await writeOf(writeId)).toMatchObject({ method: "acceptShipment" });
    await world.settle();
    expect(await world.db.shipment.findUniqueOrThrow({ where: { reference } })).toMatchObject({
      answer: "ACCEPTED",
    });
  });

  it.each([
    [
      "by an organisation it is not on its way to",
      "retailer",
      { decision: "accept" },
      NO_SUCH_SHIPMENT,
    ],
    [
      "for a pallet not on it",
      "carrier",
      { decision: "accept", ssccs: ["106141410000099990"] },
      "Pallet 106141410000099990 is not on this shipment: check the SSCC on its label.",
    ],
    ["without a reason to refuse", "carrier", { decision: "reject" }, REJECTION_REASON],
  ] as const)("is refused %s and writes nothing", async (_, who, input, sentence) => {
    const { reference } = await twoPalletShipment(`RX-NO${++refusals}`);
    const before = await world.db.ledgerTransaction.count();
    await expect(
      receiveShipment({ db: world.db, member: world.members[who], reference, input }),
    ).rejects.toThrow(sentence);
    expect(await world.db.ledgerTransaction.count()).toBe(before);
  });
});
