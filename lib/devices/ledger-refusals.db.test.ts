import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestLogger, minuteReadings } from "@/tools/testing/device-logger";
import { createLedgerWorld, GTIN, type LedgerWorld } from "@/tools/testing/ledger-world";
import { ingestDeviceBatch, registerDevice, revokeDevice } from ".";

// What the contract refuses that LotLedger's own checks cannot see (another client of the same
// contract registered the address first): the write fails with a sentence, not a custom error's name,
// and the device's batches are refused before they reach the ledger.

let world: LedgerWorld;

beforeAll(async () => {
  world = await createLedgerWorld({ kinds: ["FARM", "PACKER", "RETAILER"] });
});

afterAll(async () => {
  await world.drop();
});

describe("device writes the ledger refuses", () => {
  it("says the address is already registered there, refuses its batches, and who may revoke it", async () => {
    const { db, members } = world;
    const logger = await createTestLogger(db);
    const address = logger.address;
    // The farm asks first; the retailer registers the same key straight on the chain before the
    // farm's write is sent.
    const { deviceId, writeId } = await registerDevice({
      db,
      member: members.farm,
      name: "Borrowed logger",
      address,
    });
    await world.sendAs(members.retailer, (lotTracker) =>
      lotTracker.registerDevice(logger.wallet.address),
    );
    expect(await db.ledgerTransaction.findUniqueOrThrow({ where: { id: writeId } })).toMatchObject({
      status: "FAILED",
      error: `The ledger refused: device ${address} is already registered there, perhaps by another organisation; give the logger a new key pair.`,
    });

    await world.harvest("LR-1");
    const now = new Date();
    const message = await logger.batch({
      gtin: GTIN,
      lotCode: "LR-1",
      sequence: 1,
      readings: minuteReadings(now, [3000]),
    });
    await expect(ingestDeviceBatch({ db, message, via: "mqtt", now })).rejects.toMatchObject({
      message: `The ledger refused to register device Borrowed logger (${address}), so it would refuse its batches too: give the logger a new key pair and register that.`,
    });
    expect(await db.deviceBatch.count()).toBe(0);

    const revoked = await revokeDevice({ db, member: members.farm, deviceId });
    await world.settle();
    expect(
      await db.ledgerTransaction.findUniqueOrThrow({ where: { id: revoked.writeId } }),
    ).toMatchObject({
      status: "FAILED",
      error: `The ledger refused: device ${address} is not your organisation's on the ledger, so it cannot revoke it.`,
    });
  });
});
