import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lotIdOf } from "@/lib/chain/lot-id";
import { readingsRootOf } from "@/lib/cold-chain";
import { minuteReadings } from "@/tools/testing/device-logger";
import { createIngestWorld, type IngestWorld } from "@/tools/testing/ingest-world";
import { GTIN } from "@/tools/testing/ledger-world";
import { attachDevice, ingestDeviceBatch } from ".";

// Readings no logger can have taken, signed fields that are not what the readings give, readings
// outside the device's attachment, a replayed sequence or reading: each refused with its sentence,
// nothing stored (ingest-world counts the rows).

let w: IngestWorld;
const iso = (t: number) => new Date(t * 1000).toISOString().replace(".000Z", "Z");
type Reading = { t: number; mc: number };
const batchOf = (
  readings: Reading[],
  options: { lotCode?: string; sequence?: number; batch?: Record<string, unknown> } = {},
) =>
  w.logger.batch({
    gtin: GTIN,
    lotCode: options.lotCode ?? "ING-1",
    sequence: options.sequence ?? 50,
    readings,
    batch: options.batch,
  });

beforeAll(async () => {
  w = await createIngestWorld();
});

afterAll(async () => {
  await w.world.drop();
});

describe("ingesting readings no logger can have taken", () => {
  it("refuses a reading outside −80 to +80 °C, one in the future, and two at one instant", async () => {
    const readings = minuteReadings(w.now, [3000, 2000, -95000]);
    await w.expectRefusal(
      await batchOf(readings),
      `Reading 3 at ${iso(readings[2]?.t ?? 0)} is −95.000 °C, outside what a logger can measure (−80 to +80 °C); check the sensor.`,
    );
    const future = Math.floor(w.now.getTime() / 1000) + 6 * 60;
    await w.expectRefusal(
      await batchOf([readings[0] ?? { t: 0, mc: 0 }, { t: future, mc: 3000 }]),
      `Reading 2 at ${iso(future)} is more than 5 minutes in the future: check the logger's clock.`,
    );
    const [first, second] = readings as [Reading, Reading];
    await w.expectRefusal(
      await batchOf([first, second, { t: first.t, mc: 2500 }]),
      `Readings 1 and 3 are both at ${iso(first.t)}: a device reports one reading per instant, so send one of them.`,
    );
  });
});

describe("ingesting a batch whose signed fields are not its readings'", () => {
  const readings = () => minuteReadings(w.now, [3000, 4500]);

  it("refuses a wrong count, extreme and root", async () => {
    await w.expectRefusal(
      await batchOf(readings(), { batch: { readingCount: 3 } }),
      "The batch's readingCount is 3, but its readings give 2: sign the batch over the readings it carries.",
    );
    await w.expectRefusal(
      await batchOf(readings(), { batch: { maxMilliCelsius: 4000 } }),
      "The batch's maxMilliCelsius is 4000, but its readings give 4500: sign the batch over the readings it carries.",
    );
    const root = readingsRootOf(
      lotIdOf(GTIN, "ING-1"),
      readings().map((r) => ({
        takenAt: new Date(r.t * 1000),
        milliCelsius: r.mc,
        sensorId: w.logger.address,
      })),
    );
    await w.expectRefusal(
      await batchOf(readings(), { batch: { readingsRoot: `0x${"ab".repeat(32)}` } }),
      `The batch's readingsRoot is not the Merkle root of its readings (${root}): build it with one leaf per reading, the device address as sensor id, as docs/devices.md says.`,
    );
  });

  it("refuses minutes outside the storage rule, else the product's range, that its readings do not give", async () => {
    const rule = await w.world.db.storageRule.create({
      data: {
        chainId: 31337,
        gtin: GTIN,
        minMilliCelsius: 2000,
        maxMilliCelsius: 8000,
        allowedExcursionMinutes: 30,
        setBy: "0x0",
        txHash: "0x0",
        blockNumber: 1,
      },
    });
    const warm = minuteReadings(w.now, [9000, 9500, 5000]);
    await w.expectRefusal(
      await batchOf(warm, { batch: { minutesOutsideRange: 0 } }),
      "The batch's minutesOutsideRange is 0, but its readings give 2 (outside 2.000 to 8.000 °C, counted as docs/devices.md says): sign the batch over the readings it carries.",
    );
    await w.world.db.storageRule.delete({ where: { id: rule.id } });
    // Without a rule on the chain, the product's own range counts.
    const product = await w.world.db.product.create({
      data: {
        organizationId: w.world.members.farm.organization.id,
        gtin: GTIN,
        name: "Romaine",
        storageMinCelsius: 0,
        storageMaxCelsius: 5,
      },
    });
    await w.expectRefusal(
      await batchOf(minuteReadings(w.now, [3000, 6000, 4000]), {
        batch: { minutesOutsideRange: 0 },
      }),
      "The batch's minutesOutsideRange is 0, but its readings give 1 (outside 0.000 to 5.000 °C, counted as docs/devices.md says): sign the batch over the readings it carries.",
    );
    await w.world.db.product.delete({ where: { id: product.id } });
  });
});

describe("ingesting readings outside the device's attachment, or again", () => {
  it("refuses a lot the device is not attached to, and readings before or after its attachment", async () => {
    await w.expectRefusal(
      await batchOf(minuteReadings(w.now, [3000]), { lotCode: "ING-2" }),
      "Device Cold logger is not attached to lot ING-2: attach Cold logger to lot ING-2 or to its shipment for that time first.",
    );
    const { db, members } = w.world;
    const seconds = (at: number) => `${new Date(at).toISOString().slice(0, 19)}Z`;
    const [from, to] = [w.now.getTime() - 3_600_000, w.now.getTime() - 1_800_000];
    await attachDevice({
      db,
      member: members.farm,
      deviceId: w.deviceId,
      lotId: lotIdOf(GTIN, "ING-2"),
      startsAt: new Date(from),
      endsAt: new Date(to),
    });
    const recent = minuteReadings(w.now, [3000]);
    await w.expectRefusal(
      await batchOf(recent, { lotCode: "ING-2" }),
      `Reading 1 at ${iso(recent[0]?.t ?? 0)} is outside every time Cold logger was attached to lot ING-2 (from ${seconds(from)} to ${seconds(to)}): attach Cold logger to lot ING-2 or to its shipment for that time.`,
    );
    const early = Math.floor(w.now.getTime() / 1000) - 3 * 3600;
    const starts = `${new Date(w.now.getTime() - 2 * 3_600_000).toISOString().slice(0, 19)}Z`;
    await w.expectRefusal(
      await batchOf([{ t: early, mc: 3000 }, ...minuteReadings(w.now, [3000])]),
      `Reading 1 at ${iso(early)} is outside every time Cold logger was attached to lot ING-1 (from ${starts} on): attach Cold logger to lot ING-1 or to its shipment for that time.`,
    );
  });

  it("refuses a sequence not above the last batch, and a reading already stored", async () => {
    const { db } = w.world;
    const first = minuteReadings(w.now, [3000, 3100]);
    await ingestDeviceBatch({
      db,
      message: await batchOf(first, { sequence: 60 }),
      via: "mqtt",
      now: w.now,
    });
    await w.expectRefusal(
      await batchOf(minuteReadings(new Date(w.now.getTime() - 600_000), [3000]), { sequence: 60 }),
      "The batch's sequence 60 is not above Cold logger's last accepted batch (60): number each batch above the last one.",
    );
    const again = [{ t: (first[0]?.t ?? 0) - 60, mc: 2900 }, first[1] ?? { t: 0, mc: 0 }];
    await w.expectRefusal(
      await batchOf(again, { sequence: 61 }),
      `Reading 2 at ${iso(again[1]?.t ?? 0)} is already stored for Cold logger and lot ING-1: send each reading once, in one batch.`,
    );
    expect((await db.device.findUniqueOrThrow({ where: { id: w.deviceId } })).lastSequence).toBe(
      60,
    );
  });
});
