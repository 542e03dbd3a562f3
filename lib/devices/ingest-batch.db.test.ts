import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestLogger, minuteReadings } from "@/tools/testing/device-logger";
import { createLedgerWorld, GTIN, type LedgerWorld } from "@/tools/testing/ledger-world";
import { attachDevice, getDeviceBatches, ingestDeviceBatch, registerDevice } from ".";

// The whole path on the real parts: a device registered through the outbox on anvil, a batch it
// signs ingested (rows, outbox write, sequence), then anchored by the sender — the contract checks
// the same signature, so a wrong domain or argument encoding fails here — and read back verified.

let world: LedgerWorld;
const HOUR = 3_600_000;

beforeAll(async () => {
  world = await createLedgerWorld();
});

afterAll(async () => {
  await world.drop();
});

async function loggerOf(member: LedgerWorld["members"]["farm"], name: string) {
  const logger = await createTestLogger(world.db);
  const { deviceId } = await registerDevice({
    db: world.db,
    member,
    name,
    address: logger.address,
  });
  return { logger, deviceId };
}

describe("ingesting a device's signed batch", () => {
  it("stores the batch, its readings and sequence, and the contract anchors it", async () => {
    const { db, members } = world;
    const lotId = await world.harvest("DEV-OK");
    const { logger, deviceId } = await loggerOf(members.farm, "Cold room logger");
    const now = new Date();
    await attachDevice({
      db,
      member: members.farm,
      deviceId,
      lotId,
      startsAt: new Date(now.getTime() - HOUR),
    });
    const readings = minuteReadings(now, [3100, 2900, 4800, 2100]);
    const message = await logger.batch({ gtin: GTIN, lotCode: "DEV-OK", sequence: 7, readings });

    const result = await ingestDeviceBatch({
      db,
      message: JSON.stringify(message),
      via: "mqtt",
      deviceAddress: logger.wallet.address,
      now,
    });

    expect(result).toMatchObject({ readingCount: 4, lotId });
    const rows = await db.temperatureReading.findMany({
      where: { lotId },
      orderBy: { takenAt: "asc" },
    });
    expect(rows.map((r) => [Number(r.celsius), r.sensorId, r.deviceId])).toEqual(
      [3.1, 2.9, 4.8, 2.1].map((c) => [c, logger.address, deviceId]),
    );
    expect(rows.every((r) => r.ledgerTransactionId === result.writeId)).toBe(true);
    expect((await db.device.findUniqueOrThrow({ where: { id: deviceId } })).lastSequence).toBe(7);
    // Published again (no reply reached the logger): answered as before, nothing stored twice.
    const again = { db, message: JSON.stringify(message), now };
    expect(
      await ingestDeviceBatch({ ...again, via: "mqtt", deviceAddress: logger.wallet.address }),
    ).toEqual(result);
    expect(await db.temperatureReading.count({ where: { deviceId } })).toBe(4);
    const batch = await db.deviceBatch.findUniqueOrThrow({ where: { id: result.batchId } });
    expect(batch).toMatchObject({
      sequence: 7,
      readingCount: 4,
      minMilliCelsius: 2100,
      maxMilliCelsius: 4800,
    });
    const write = await db.ledgerTransaction.findUniqueOrThrow({ where: { id: result.writeId } });
    expect(write).toMatchObject({
      method: "anchorDeviceReadings",
      signerAddress: members.farm.organization.chainAddress,
      lotId,
    });
    expect(write.args).toEqual([
      {
        gtin: BigInt(GTIN).toString(),
        lotCode: `0x${Buffer.from("DEV-OK").toString("hex").padEnd(40, "0")}`,
        readingsRoot: message.batch.readingsRoot,
        readingCount: "4",
        sequence: "7",
        firstReadingAt: String(readings[0]?.t),
        lastReadingAt: String(readings[3]?.t),
        minMilliCelsius: "2100",
        maxMilliCelsius: "4800",
        minutesOutsideRange: "0",
      },
      message.signature,
    ]);

    await world.settle();
    const sent = await db.ledgerTransaction.findMany({
      where: {
        organizationId: members.farm.organization.id,
        method: { in: ["registerDevice", "anchorDeviceReadings"] },
      },
      orderBy: { createdAt: "asc" },
    });
    expect(sent.map((w) => [w.method, w.status, w.error])).toEqual([
      ["registerDevice", "CONFIRMED", null],
      ["anchorDeviceReadings", "CONFIRMED", null],
    ]);

    const [view] = await getDeviceBatches({ db, lotId });
    expect(view).toMatchObject({
      sequence: 7,
      device: { name: "Cold room logger", address: logger.address, organization: "Test farm" },
      isSignatureVerified: true,
      isRootVerified: true,
      isAnchored: true,
    });
    expect(view?.readings.map((r) => r.celsius)).toEqual([3.1, 2.9, 4.8, 2.1]);
    // The indexer's mark, then a reading changed behind LotLedger's back.
    await db.deviceBatch.update({
      where: { id: result.batchId },
      data: { anchoredTxHash: sent[1]?.txHash },
    });
    await db.temperatureReading.update({ where: { id: rows[2]?.id }, data: { celsius: 3.5 } });
    expect((await getDeviceBatches({ db, lotId }))[0]).toMatchObject({
      isAnchored: true,
      isRootVerified: false,
      isSignatureVerified: true,
    });
    await db.deviceBatch.update({
      where: { id: result.batchId },
      data: { minutesOutsideRange: 3 },
    });
    expect((await getDeviceBatches({ db, lotId }))[0]?.isSignatureVerified).toBe(false);
  });
});
