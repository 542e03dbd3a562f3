import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lotIdOf } from "@/lib/chain/lot-id";
import { lotEpcClass } from "@/lib/epcis/event";
import { getFsmaSpreadsheet } from "@/lib/trace";
import { createLedgerWorld, GTIN, type LedgerWorld } from "@/tools/testing/ledger-world";
import { cancelShipment } from "./cancel-shipment";
import { receiveLot } from "./receiving";
import { handOffLot } from "./shipping";

// Issue 15, custody: part of a lot shipped in one ledger write, a shipment taken back by its sender
// before anyone received it, and a receipt that counts what arrived.

let world: LedgerWorld;

beforeAll(async () => {
  world = await createLedgerWorld();
});

afterAll(async () => {
  await world.drop();
});

const lotOf = (lotId: string) => world.db.lot.findUniqueOrThrow({ where: { id: lotId } });
const payloadOf = async (lotId: string, name: string) => {
  const event = await world.db.ledgerEvent.findFirstOrThrow({ where: { lotId, name } });
  const payload = await world.db.eventPayload.findUniqueOrThrow({
    where: { hash: event.payloadHash ?? "" },
  });
  return payload.body as Record<string, unknown> & { kde: Record<string, unknown> };
};

describe("shipping part of a lot", () => {
  it("splits the lot into the part on its way and the rest held, numbered .P1 and .P2", async () => {
    const { farm, packer } = world.members;
    const lotId = await world.harvest("C-PART");
    const shipped = await handOffLot({
      db: world.db,
      member: farm,
      lotId,
      input: { recipientGln: packer.organization.gln, quantity: "60" },
    });
    await world.settle();
    expect(shipped.lotId).toBe(lotIdOf(GTIN, "C-PART.P1"));
    expect(await lotOf(lotId)).toMatchObject({ status: "CONSUMED" });
    const part = await lotOf(shipped.lotId);
    expect(part).toMatchObject({ status: "IN_TRANSIT", unit: "kg", gtin: GTIN });
    expect(part.recipient).toBe(packer.organization.chainAddress);
    expect(part.quantity?.toString()).toBe("60");
    const rest = await lotOf(lotIdOf(GTIN, "C-PART.P2"));
    expect(rest).toMatchObject({ status: "ACTIVE", recipient: null });
    expect(rest.quantity?.toString()).toBe("40");
    const payload = await payloadOf(shipped.lotId, "LotHandedOff");
    expect(payload).toMatchObject({
      cte: "shipping",
      bizStep: "shipping",
      quantityList: [{ epcClass: lotEpcClass(GTIN, "C-PART.P1"), quantity: 60, uom: "KGM" }],
    });
    expect(payload.kde.partOf).toBe(lotEpcClass(GTIN, "C-PART"));
  });

  it("keeps the lot's TLC on the part's one shipping row of the FSMA spreadsheet", async () => {
    const { farm, packer } = world.members;
    const [packed] = await world.split(farm, await world.harvest("C-TLC"), ["C-TLC-A", "C-TLC-B"]);
    const shipped = await handOffLot({
      db: world.db,
      member: farm,
      lotId: packed ?? "",
      input: { recipientGln: packer.organization.gln, quantity: "20" },
    });
    await world.settle();
    const sheet = await getFsmaSpreadsheet({ db: world.db, lotId: shipped.lotId });
    const partRows = sheet?.rows.filter((row) => String(row.lotCode).startsWith("C-TLC-A.P"));
    expect(partRows?.map((row) => [row.lotCode, row.cte, row.tlc, row.quantity])).toEqual([
      ["C-TLC-A.P1", "Shipping", "C-TLC-A", "20"],
    ]);
  });

  it("ships the whole lot when the quantity is all of it, and refuses more than it holds", async () => {
    const { farm, packer } = world.members;
    const lotId = await world.harvest("C-WHOLE");
    const ship = (quantity: string) =>
      handOffLot({
        db: world.db,
        member: farm,
        lotId,
        input: { recipientGln: packer.organization.gln, quantity },
      });
    await expect(ship("120")).rejects.toMatchObject({ field: "quantity" });
    expect((await ship("100")).lotId).toBe(lotId);
  });
});

describe("cancelling a shipment", () => {
  it("lets the sender take a lot in transit back; the recipient cannot", async () => {
    const { farm, retailer } = world.members;
    const lotId = await world.harvest("C-CANCEL");
    await handOffLot({
      db: world.db,
      member: farm,
      lotId,
      input: { recipientGln: retailer.organization.gln },
    });
    await world.settle();
    await expect(
      cancelShipment({ db: world.db, member: retailer, lotId, input: {} }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await cancelShipment({ db: world.db, member: farm, lotId, input: { reason: "Wrong truck" } });
    await world.settle();
    expect(await lotOf(lotId)).toMatchObject({
      status: "ACTIVE",
      custodian: farm.organization.chainAddress,
      recipient: null,
    });
    const payload = await payloadOf(lotId, "LotHandoffCancelled");
    expect(payload).toMatchObject({ bizStep: "void_shipping", disposition: "active" });
    expect(payload.kde.reason).toBe("Wrong truck");
    await expect(
      cancelShipment({ db: world.db, member: farm, lotId, input: {} }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
  });
});

describe("receiving with a count", () => {
  it("records the counted quantity, condition, temperature and the shortfall", async () => {
    const { farm, retailer } = world.members;
    const lotId = await world.harvest("C-COUNT");
    await world.ship(farm, lotId, retailer);
    const incoming = await world.harvest("C-COUNT2");
    await handOffLot({
      db: world.db,
      member: farm,
      lotId: incoming,
      input: { recipientGln: retailer.organization.gln },
    });
    await world.settle();
    await receiveLot({
      db: world.db,
      member: retailer,
      lotId: incoming,
      input: {
        decision: "accept",
        countedQuantity: "97.5",
        condition: "damaged",
        temperature: "7,5",
      },
    });
    await world.settle();
    expect(await lotOf(incoming)).toMatchObject({ custodian: retailer.organization.chainAddress });
    const payload = await payloadOf(incoming, "LotHandoffAccepted");
    expect(payload).toMatchObject({
      bizStep: "receiving",
      disposition: "damaged",
      quantityList: [{ epcClass: lotEpcClass(GTIN, "C-COUNT2"), quantity: 97.5, uom: "KGM" }],
      sensorElementList: [{ sensorReport: [{ type: "gs1:Temperature", value: 7.5, uom: "CEL" }] }],
    });
    expect(payload.kde).toMatchObject({
      condition: "damaged",
      quantityShipped: 100,
      quantityReceived: 97.5,
      unitReceived: "kg",
      quantityDiscrepancy: -2.5,
      temperatureOnArrival: 7.5,
    });
  });

  it("refuses a temperature that is not a reading, at its field", async () => {
    const { farm, retailer } = world.members;
    const lotId = await world.harvest("C-WARM");
    await handOffLot({
      db: world.db,
      member: farm,
      lotId,
      input: { recipientGln: retailer.organization.gln },
    });
    await world.settle();
    const receive = (temperature: string) =>
      receiveLot({
        db: world.db,
        member: retailer,
        lotId,
        input: { decision: "accept", temperature },
      });
    await expect(receive("warm")).rejects.toMatchObject({ field: "temperature" });
    await expect(receive("95")).rejects.toMatchObject({ field: "temperature" });
  });
});
