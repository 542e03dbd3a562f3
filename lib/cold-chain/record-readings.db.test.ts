import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getProvenance } from "@/lib/provenance/get-provenance";
import { createLedgerWorld, type LedgerWorld } from "@/tools/testing/ledger-world";
import { shipLot } from "@/tools/testing/lot-steps";
import { getColdChain } from "./batches";
import { readingsFromCsv } from "./input";
import { recordReadings } from "./record-readings";

// The whole path on the real parts: readings recorded by the lot's holder → outbox → sender signs
// anchorReadings → anvil → indexer → getColdChain recomputes the root from the rows and compares it
// with the root in the indexed LotReadingsAnchored event. A changed row must stop verifying.

let world: LedgerWorld;
let lotId: string;
let shippedAt: number;

// A holder records readings of its own time with the lot only: here, from the shipment to the carrier.
const secondsAfterShipping = (seconds: number) =>
  new Date(shippedAt + seconds * 1000).toISOString();
const csv = (temperatures: number[]) =>
  `time,celsius,sensor\n${temperatures.map((t, i) => `${secondsAfterShipping(i + 1)},${t},TRUCK-7`).join("\n")}`;

beforeAll(async () => {
  world = await createLedgerWorld();
  lotId = await world.harvest("COLD-1");
  await world.ship(world.members.farm, lotId, world.members.carrier);
  shippedAt = Date.now();
});

afterAll(async () => {
  await world.drop();
});

describe("recording a lot's temperature readings", () => {
  it("anchors the batch on the ledger and shows it verified; a changed reading is not verified", async () => {
    const { db, members } = world;
    const recorded = await recordReadings({
      db,
      member: members.carrier,
      lotId,
      readings: readingsFromCsv(csv([2.5, 1.2, 3.9, 3.1])),
    });
    expect(recorded.count).toBe(4);
    expect(await db.temperatureReading.count({ where: { lotId } })).toBe(4);
    await world.settle();
    const write = await db.ledgerTransaction.findUniqueOrThrow({ where: { id: recorded.writeId } });
    expect(write).toMatchObject({ status: "CONFIRMED", method: "anchorReadings" });
    const event = await db.ledgerEvent.findFirstOrThrow({ where: { txHash: write.txHash ?? "" } });
    expect(event).toMatchObject({ name: "LotReadingsAnchored", lotId });
    expect(event.args).toMatchObject({ merkleRoot: recorded.merkleRoot, readingCount: "4" });

    const [batch] = await getColdChain({ db, lotId });
    expect(batch).toMatchObject({
      txHash: write.txHash,
      recordedBy: "Test carrier",
      count: 4,
      minCelsius: 1.2,
      maxCelsius: 3.9,
      isVerified: true,
    });
    expect(batch?.readings.map((r) => r.celsius)).toEqual([2.5, 1.2, 3.9, 3.1]);
    const provenance = await getProvenance({ db, lotId });
    expect(provenance?.coldChain).toHaveLength(1);
    expect(provenance?.steps.at(-1)).toMatchObject({
      what: "4 sensor readings anchored by Test carrier",
      isVerified: true,
    });

    // Someone with database access makes an excursion disappear.
    const warmest = await db.temperatureReading.findFirstOrThrow({
      where: { lotId, celsius: 3.9 },
    });
    await db.temperatureReading.update({ where: { id: warmest.id }, data: { celsius: 3.4 } });
    expect((await getColdChain({ db, lotId }))[0]).toMatchObject({
      maxCelsius: 3.4,
      isVerified: false,
    });
    expect((await getProvenance({ db, lotId }))?.steps.at(-1)?.isVerified).toBe(false);
    await db.temperatureReading.update({ where: { id: warmest.id }, data: { celsius: 3.9 } });
    expect((await getColdChain({ db, lotId }))[0]?.isVerified).toBe(true);
    await db.temperatureReading.delete({ where: { id: warmest.id } });
    expect((await getColdChain({ db, lotId }))[0]?.isVerified).toBe(false);
  });

  it("lets the sender record readings of a lot it has shipped, until the recipient accepts it", async () => {
    const { db, members } = world;
    const lot = await world.harvest("COLD-2");
    await world.ship(members.farm, lot, members.carrier);
    await shipLot(db, members.carrier, { lotId: lot, to: members.retailer });
    await world.settle();
    expect((await db.lot.findUniqueOrThrow({ where: { id: lot } })).status).toBe("IN_TRANSIT");
    const recorded = await recordReadings({
      db,
      member: members.carrier,
      lotId: lot,
      readings: [{ time: new Date().toISOString(), celsius: 4 }],
    });
    await world.settle();
    const write = await db.ledgerTransaction.findUniqueOrThrow({ where: { id: recorded.writeId } });
    expect(write.status).toBe("CONFIRMED");
    expect((await getColdChain({ db, lotId: lot }))[0]).toMatchObject({
      count: 1,
      isVerified: true,
    });
  });
});
