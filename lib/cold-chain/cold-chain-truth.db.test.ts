import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findOpenColdChainAlerts } from "@/lib/cold-chain";
import { AppError } from "@/lib/errors";
import { queueTrackingEvent } from "@/lib/events/record-event";
import { createLedgerWorld, type LedgerWorld } from "@/tools/testing/ledger-world";
import { TEST_GTIN as GTIN, harvestValues, shipLot } from "@/tools/testing/lot-steps";
import { getColdChain } from "./batches";
import { utcText } from "./custody-window";
import { readingsFromCsv } from "./input";
import { recordReadings } from "./record-readings";
import { coldChainSummary } from "./summary";

// Issue 14, finding 2: a cold chain that said "kept" when it was not. Readings outside the holder's
// custody window are refused; each batch is judged against the product's storage range; an excursion
// alerts the holder and the next recipient; the hours nobody measured are said.

let world: LedgerWorld;
const DAY = 86_400_000;
const dayText = (daysAgo: number) =>
  new Date(Date.now() - daysAgo * DAY).toISOString().slice(0, 10);

/** A harvest by the farm on a past day (its event time is noon of that day). */
async function harvestOn(lotCode: string, daysAgo: number): Promise<string> {
  const { farm, packer } = world.members;
  const values = await harvestValues(
    world.db,
    farm,
    { lotCode, nextHolder: packer },
    { harvestDate: dayText(daysAgo) },
  );
  const { lotId } = await queueTrackingEvent({
    db: world.db,
    member: farm,
    cte: "harvesting",
    values,
  });
  await world.settle();
  return lotId;
}

/** One reading a minute from 90 minutes ago, of the given temperatures. */
const perMinute = (temperatures: number[]) => {
  const start = Date.now() - 90 * 60_000;
  return temperatures.map((celsius, i) => ({
    time: new Date(start + i * 60_000).toISOString(),
    celsius,
    sensor: "VAN-2",
  }));
};

/** 5 at 3 °C, 47 warming to 14.2 °C and cooling, then 8 back at 3 °C. */
const WARM_VAN = Array.from({ length: 60 }, (_, i) =>
  i < 5 || i >= 52 ? 3 : Math.round((14.2 - Math.abs(i - 28) * 0.3) * 10) / 10,
);

beforeAll(async () => {
  world = await createLedgerWorld();
  await world.db.product.create({
    data: {
      organizationId: world.members.farm.organization.id,
      gtin: GTIN,
      name: "Romaine lettuce",
      storageMinCelsius: 0,
      storageMaxCelsius: 5,
      allowedExcursionMinutes: 30,
    },
  });
});

afterAll(async () => {
  await world.drop();
});

describe("an honest cold chain", () => {
  it("refuses a reading from before the holder had the lot, naming it and the window", async () => {
    const { farm } = world.members;
    const lotId = await harvestOn("TRUTH-1", 1);
    const harvest = await world.db.ledgerEvent.findFirstOrThrow({ where: { lotId } });
    const { body } = await world.db.eventPayload.findUniqueOrThrow({
      where: { hash: harvest.payloadHash as string },
    });
    const harvestedAt = new Date((body as { eventTime: string }).eventTime);
    const before = new Date(harvestedAt.getTime() - 2 * DAY);
    const error = await recordReadings({
      db: world.db,
      member: farm,
      lotId,
      readings: readingsFromCsv(
        `time,celsius\n${new Date().toISOString()},3\n${before.toISOString()},3.5`,
      ),
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toBe(
      `Line 3: the reading at ${utcText(before)} is outside the time Test farm held lot TRUTH-1 or it was on its way to or from Test farm (from ${utcText(harvestedAt)} until now); record only readings from that time.`,
    );
    expect(await world.db.temperatureReading.count({ where: { lotId } })).toBe(0);
  });

  it("judges 14.2 °C on a 0–5 °C product an excursion of 47 min and alerts the holder and the next recipient", async () => {
    const { farm, retailer, carrier } = world.members;
    const lotId = await harvestOn("TRUTH-2", 2);
    await recordReadings({ db: world.db, member: farm, lotId, readings: perMinute(WARM_VAN) });
    await world.settle();
    const [batch] = await getColdChain({ db: world.db, lotId });
    expect(batch?.judgement).toMatchObject({
      kind: "excursion",
      sentence: "Outside its range for 47 min (max 14.2 °C)",
      excursion: { minutes: 47, maxCelsius: 14.2, minCelsius: null, isBeyondAllowance: true },
    });
    // One alert for the one excursion (lib/holds), however many readings it spans.
    const alert = { lotId, lotCode: "TRUTH-2", minutesOutside: 47, worstMilliCelsius: 14_200 };
    expect(await findOpenColdChainAlerts({ db: world.db, member: farm })).toEqual([
      expect.objectContaining({ ...alert, isIncoming: false }),
    ]);
    await shipLot(world.db, farm, { lotId, to: retailer });
    await world.settle();
    expect(await findOpenColdChainAlerts({ db: world.db, member: retailer })).toEqual([
      expect.objectContaining({ ...alert, isIncoming: true }),
    ]);
    expect(await findOpenColdChainAlerts({ db: world.db, member: carrier })).toEqual([]);

    // Measured for the 59 minutes of readings; the rest of its two days nobody measured.
    const summary = await coldChainSummary({ db: world.db, lotId });
    expect(summary?.measuredMinutes).toBe(59);
    expect(summary?.measured).toHaveLength(1);
    expect(summary?.unmeasured.map((s) => s.holders)).toEqual([
      ["Test farm"],
      ["Test farm", "Test retailer"],
    ]);
  });

  it("says kept only within the range, and has no verdict for a product without one", async () => {
    const { farm } = world.members;
    const lotId = await harvestOn("TRUTH-3", 1);
    await recordReadings({ db: world.db, member: farm, lotId, readings: perMinute([1, 2.5, 4]) });
    await world.settle();
    const sentences = async () =>
      (await getColdChain({ db: world.db, lotId })).map((b) => b.judgement.sentence);
    expect(await sentences()).toEqual(["Kept between 1 and 4 °C (range 0–5 °C)"]);
    await world.db.product.update({
      where: { gtin: GTIN },
      data: { storageMinCelsius: null, storageMaxCelsius: null },
    });
    expect(await sentences()).toEqual([
      "Measured between 1 and 4 °C; no reference range for this product",
    ]);
    await world.db.product.update({
      where: { gtin: GTIN },
      data: { storageMinCelsius: 0, storageMaxCelsius: 5 },
    });
  });
});
