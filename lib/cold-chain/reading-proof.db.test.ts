import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLedgerWorld, type LedgerWorld } from "@/tools/testing/ledger-world";
import { readingsFromCsv } from "./input";
import { getReadingProof, NO_SUCH_READING } from "./reading-proof";
import { recordReadings } from "./record-readings";

// One reading's evidence, on the real chain: its Merkle proof leads to the root the batch anchored
// (the indexed LotReadingsAnchored); a reading changed in the database afterwards no longer does.

let world: LedgerWorld;
let lotId: string;
let merkleRoot: string;

beforeAll(async () => {
  world = await createLedgerWorld();
  lotId = await world.harvest("PROOF-1");
  const now = Date.now();
  // Readings of the farm's own time with the lot: from its harvest on (a logger's clock may run a
  // little ahead).
  const at = (s: number) => new Date(now + s * 1000).toISOString();
  const csv = `time,celsius,sensor\n${[2.5, 1.2, 3.9, 3.1, 4.4].map((c, i) => `${at(i * 10)},${c},ROOM-2`).join("\n")}`;
  ({ merkleRoot } = await recordReadings({
    db: world.db,
    member: world.members.farm,
    lotId,
    readings: readingsFromCsv(csv),
  }));
  await world.settle();
});

afterAll(async () => {
  await world.drop();
});

describe("a reading's Merkle proof", () => {
  it("leads to the root its batch anchored on the chain, and stops when the reading is changed", async () => {
    const { db, members } = world;
    const [third] = await db.temperatureReading.findMany({
      where: { lotId },
      orderBy: { takenAt: "asc" },
      skip: 2,
      take: 1,
    });
    const readingId = third?.id as string;
    const proof = await getReadingProof({ db, member: members.farm, readingId });
    expect(proof).toMatchObject({
      lotId,
      reading: { id: readingId, milliCelsius: 3900, sensorId: "ROOM-2" },
      anchoredRoot: merkleRoot,
      isVerified: true,
    });
    expect(proof.proof.length).toBeGreaterThan(1);
    expect(proof.txHash).toMatch(/^0x[0-9a-f]{64}$/);

    await db.temperatureReading.update({ where: { id: readingId }, data: { celsius: 2.9 } });
    const changed = await getReadingProof({ db, member: members.farm, readingId });
    expect(changed).toMatchObject({ anchoredRoot: merkleRoot, isVerified: false });
  });

  it("is refused, as if the lot did not exist, to an organisation that may not see the lot", async () => {
    const { db, members } = world;
    const reading = await db.temperatureReading.findFirstOrThrow({ where: { lotId } });
    await expect(
      getReadingProof({ db, member: members.retailer, readingId: reading.id }),
    ).rejects.toThrow(NO_SUCH_READING);
  });
});
