import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { shipGoods } from "@/lib/shipments";
import { createTestLogger, minuteReadings } from "@/tools/testing/device-logger";
import { createLedgerWorld, GTIN, type LedgerWorld } from "@/tools/testing/ledger-world";
import { attachDevice, ingestDeviceBatch, registerDevice } from ".";

// A truck's logger, attached to the shipment rather than to each lot: the carrier's device reports a
// lot on its way to the carrier (still in the sender's custody on the chain), and the contract
// anchors it, sent with the carrier's key.

let world: LedgerWorld;
const HOUR = 3_600_000;

beforeAll(async () => {
  world = await createLedgerWorld({ kinds: ["FARM", "PACKER", "CARRIER", "RETAILER"] });
});

afterAll(async () => {
  await world.drop();
});

describe("ingesting a carrier's batch", () => {
  it("takes the carrier's truck logger, attached to the shipment, while the lot is on its way", async () => {
    const { db, members } = world;
    const lotId = await world.harvest("DEV-TRUCK");
    const { reference } = await shipGoods({
      db,
      member: members.farm,
      input: {
        recipientGln: members.retailer.organization.gln,
        carrierGln: members.carrier.organization.gln,
        lotIds: [lotId],
      },
    });
    await world.settle();
    expect(await db.lot.findUniqueOrThrow({ where: { id: lotId } })).toMatchObject({
      status: "IN_TRANSIT",
      recipient: members.carrier.organization.chainAddress,
    });
    const logger = await createTestLogger(db);
    const { deviceId } = await registerDevice({
      db,
      member: members.carrier,
      name: "Truck 7",
      address: logger.address,
    });
    const now = new Date();
    await attachDevice({
      db,
      member: members.carrier,
      deviceId,
      shipmentId: reference,
      startsAt: new Date(now.getTime() - HOUR),
    });
    const message = await logger.batch({
      gtin: GTIN,
      lotCode: "DEV-TRUCK",
      sequence: 1,
      readings: minuteReadings(now, [4000, 4200]),
    });

    const result = await ingestDeviceBatch({
      db,
      message,
      via: "https",
      deviceAddress: logger.address,
      organizationId: members.carrier.organization.id,
      now,
    });

    await world.settle();
    const write = await db.ledgerTransaction.findUniqueOrThrow({ where: { id: result.writeId } });
    expect(write).toMatchObject({
      status: "CONFIRMED",
      signerAddress: members.carrier.organization.chainAddress,
    });
  });
});
