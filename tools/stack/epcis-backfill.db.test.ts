import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLedgerWorld, type LedgerWorld } from "@/tools/testing/ledger-world";
import { backfillEpcisEvents } from "./epcis-backfill";

// A database from before the EPCIS repository: payloads in the outbox, no EpcisEvent rows. The
// start-up backfill gives each recorded EPCIS event the row recording it today would have given it.

let world: LedgerWorld;

beforeAll(async () => {
  world = await createLedgerWorld();
  const lotId = await world.harvest("BACKFILL-1");
  await world.ship(world.members.farm, lotId, world.members.packer);
});

afterAll(async () => {
  await world.drop();
});

const repository = () =>
  world.db.epcisEvent.findMany({
    orderBy: { eventId: "asc" },
    omit: { id: true, createdAt: true, updatedAt: true, recordTime: true },
  });

describe("backfillEpcisEvents", () => {
  it("renders every stored EPCIS payload to the row it would have had, once", async () => {
    const recorded = await repository();
    expect(recorded.map((row) => row.bizStep)).toEqual(
      expect.arrayContaining(["commissioning", "shipping", "receiving"]),
    );
    await world.db.epcisEvent.deleteMany();

    expect(await backfillEpcisEvents(world.db)).toBe(recorded.length);
    expect(await repository()).toEqual(recorded);
    // Its record time is when the write was queued.
    const shipping = await world.db.epcisEvent.findFirstOrThrow({ where: { bizStep: "shipping" } });
    const write = await world.db.ledgerTransaction.findUniqueOrThrow({
      where: { id: shipping.ledgerTransactionId ?? "" },
    });
    expect(shipping.recordTime).toEqual(write.createdAt);

    expect(await backfillEpcisEvents(world.db)).toBe(0);
    expect(await world.db.epcisEvent.count()).toBe(recorded.length);
  });
});
