import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handOffLot } from "@/lib/events/shipping";
import { startRecall } from "@/lib/recall";
import { createLedgerWorld, GTIN, type LedgerWorld } from "@/tools/testing/ledger-world";
import { getOfflineSnapshot } from "./snapshot";

// Issue 16: the phone answers scans offline from this snapshot, so it must hold the lots on their
// way to the organisation, the lots it holds, and the recall covering each — and no one else's.

let world: LedgerWorld;

beforeAll(async () => {
  world = await createLedgerWorld();
});

afterAll(async () => {
  await world.drop();
});

describe("getOfflineSnapshot", () => {
  it("holds the incoming and held lots with their recalls, and nothing of others", async () => {
    const { db, members } = world;
    const { farm, packer, retailer } = members;
    const held = await world.harvest("SNAP-HELD");
    await world.ship(farm, held, packer);
    const incoming = await world.harvest("SNAP-INCOMING");
    await handOffLot({
      db,
      member: farm,
      lotId: incoming,
      input: { recipientGln: packer.organization.gln },
    });
    await world.harvest("SNAP-FARM");
    await world.settle();
    const { recallId } = await startRecall({
      db,
      member: farm,
      lotId: held,
      input: { reason: "Listeria found in a retained sample", severity: "CLASS_I" },
      appUrl: "https://lotledger.test",
    });
    await world.settle();

    const snapshot = await getOfflineSnapshot({ db, member: packer });
    expect(snapshot).toMatchObject({ organization: packer.organization.name, canWrite: true });
    const byCode = new Map(snapshot.lots.map((lot) => [lot.lotCode, lot]));
    expect(byCode.get("SNAP-INCOMING")).toMatchObject({
      lotId: incoming,
      gtin: GTIN,
      holding: "incoming",
      recall: null,
    });
    expect(byCode.get("SNAP-HELD")).toMatchObject({
      lotId: held,
      holding: "held",
      recall: { recallId, recalledLotCode: "SNAP-HELD" },
    });
    expect(byCode.has("SNAP-FARM")).toBe(false);
    expect((await getOfflineSnapshot({ db, member: retailer })).lots).toEqual([]);
    expect((await getOfflineSnapshot({ db, member: members.retailerReadOnly })).canWrite).toBe(
      false,
    );
  });
});
