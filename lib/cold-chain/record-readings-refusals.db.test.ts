import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Member } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { countRows } from "@/tools/testing/database-text";
import { createLedgerWorld, type LedgerWorld } from "@/tools/testing/ledger-world";
import { shipLot } from "@/tools/testing/lot-steps";
import { readingsFromCsv } from "./input";
import { recordReadings } from "./record-readings";

// Every refusal is one sentence and writes nothing: no reading, no ledger write, no payload.

const WRITTEN = ["TemperatureReading", "LedgerTransaction", "EventPayload"];
const HOUR_AGO = new Date(Date.now() - 3_600_000).toISOString();
const GOOD = `time,celsius\n${HOUR_AGO},3.5`;

let world: LedgerWorld;
let lotId: string;
let shippedLotId: string;

beforeAll(async () => {
  world = await createLedgerWorld();
  lotId = await world.harvest("COLD-R1");
  await world.ship(world.members.farm, lotId, world.members.retailer);
  shippedLotId = await world.harvest("COLD-R2");
  await shipLot(world.db, world.members.farm, { lotId: shippedLotId, to: world.members.carrier });
  await world.settle();
});

afterAll(async () => {
  await world.drop();
});

/** The sentence refusing `readings` (a function, so a CSV's own refusal is caught too). */
async function refusal(member: Member, readings: () => unknown, lot = lotId): Promise<string> {
  const before = await countRows(world.db, WRITTEN);
  const error = await Promise.resolve()
    .then(() => recordReadings({ db: world.db, member, lotId: lot, readings: readings() }))
    .catch((e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  expect(await countRows(world.db, WRITTEN)).toEqual(before);
  return (error as AppError).message;
}

describe("readings that are refused", () => {
  it("from an organisation that does not hold the lot", async () => {
    expect(await refusal(world.members.carrier, () => readingsFromCsv(GOOD))).toBe(
      "Your organisation does not hold this lot, so it cannot have readings recorded here. Check the lot code, or ask its holder.",
    );
  });

  it("from the recipient of a lot not yet accepted (custody moves on acceptance)", async () => {
    expect(await refusal(world.members.carrier, () => readingsFromCsv(GOOD), shippedLotId)).toBe(
      "Lot COLD-R2 is on its way to Test carrier but not yet accepted, so it cannot have readings recorded yet: accept the shipment first.",
    );
  });

  it("from a read-only account, and from a regulator", async () => {
    expect(await refusal(world.members.retailerReadOnly, () => readingsFromCsv(GOOD))).toBe(
      "Your account is read-only: ask a colleague with staff access to record temperature readings.",
    );
    expect(await refusal(world.members.regulator, () => readingsFromCsv(GOOD))).toBe(
      "Only farms, packers, processors, carriers and retailers record temperature readings; Test regulator is a regulator.",
    );
  });

  it("with a bad CSV line, a time in the future, or too many readings", async () => {
    const { retailer } = world.members;
    expect(
      await refusal(retailer, () => readingsFromCsv(`${GOOD}\n${HOUR_AGO.slice(0, 16)}Z,3,x`)),
    ).toBe(
      "Line 3: expected 2 values (time,celsius) but found 3: give one reading per line, separated by commas.",
    );
    expect(await refusal(retailer, () => readingsFromCsv(`${GOOD}\n${HOUR_AGO},warm`))).toBe(
      "Line 3: temperature 'warm' is not a number in °C: write it like 3.5 or -18.",
    );
    expect(await refusal(retailer, () => [{ time: "2999-01-01T00:00:00Z", celsius: 3 }])).toBe(
      "Reading 1: time 2999-01-01T00:00:00.000Z is in the future: check the logger's clock.",
    );
    const many = Array.from({ length: 10_001 }, (_, i) => ({
      time: new Date(Date.now() - (i + 1) * 1000).toISOString(),
      celsius: 3,
    }));
    expect(await refusal(retailer, () => many)).toBe(
      "There are 10,001 readings: record at most 10,000 at a time, in several uploads.",
    );
  });
});
