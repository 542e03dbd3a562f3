import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLedgerWorld, type LedgerWorld } from "@/tools/testing/ledger-world";
import { harvestLot, shipLot } from "@/tools/testing/lot-steps";
import {
  findFollowedWrites,
  findWaitingLedgerWrites,
  getLedgerWriteStatuses,
} from "./find-ledger-writes";

// "On the ledger" is said only once a write is mined AND the indexer has read its block (what the
// pages show comes from the read model); a stranger's id reads like no id at all.

const CHAIN_ID = 31337;
let world: LedgerWorld;

beforeAll(async () => {
  world = await createLedgerWorld();
});

afterAll(async () => {
  await world.drop();
});

const statusesOf = (organizationId: string, ids: string[]) =>
  getLedgerWriteStatuses({ db: world.db, organizationId, chainId: CHAIN_ID, ids });

describe("where a write stands", () => {
  it("is waiting when queued, and on the ledger once mined and indexed", async () => {
    const { farm, packer } = world.members;
    const { writeId, lotId } = await harvestLot(world.db, farm, {
      lotCode: "LW-1",
      nextHolder: packer,
    });
    const followed = { db: world.db, organizationId: farm.organization.id, chainId: CHAIN_ID };
    expect(await findFollowedWrites({ ...followed, ids: [writeId], lotId })).toEqual([
      expect.objectContaining({
        id: writeId,
        method: "createLot",
        lotId,
        status: "PENDING",
        isOnLedger: false,
        error: null,
        // The lot is not in the read model yet: its code comes from the write's own payload.
        lotCode: "LW-1",
      }),
    ]);

    await world.settle();
    const [settled] = await statusesOf(farm.organization.id, [writeId]);
    expect(settled).toMatchObject({ status: "CONFIRMED", isOnLedger: true, error: null });
    expect(settled?.txHash).toMatch(/^0x[0-9a-f]{64}$/);
    expect(await findWaitingLedgerWrites({ ...followed, lotId })).toEqual([]);
  });

  it("is not on the ledger while the indexer has not read the block it was mined in", async () => {
    const { farm, packer } = world.members;
    const lotId = await world.harvest("LW-2");
    const { writeId } = await shipLot(world.db, farm, { lotId, to: packer });
    await world.settle();
    const [shipped] = await statusesOf(farm.organization.id, [writeId]);
    const checkpoint = await world.db.indexerCheckpoint.findUniqueOrThrow({
      where: { chainId: CHAIN_ID },
    });
    // The indexer one block behind the write, as it is for a moment after every write.
    await world.db.indexerCheckpoint.update({
      where: { chainId: CHAIN_ID },
      data: { blockNumber: (shipped?.blockNumber as number) - 1 },
    });
    try {
      expect(await statusesOf(farm.organization.id, [writeId])).toEqual([
        expect.objectContaining({ status: "CONFIRMED", isOnLedger: false }),
      ]);
      const waiting = await findWaitingLedgerWrites({
        db: world.db,
        organizationId: farm.organization.id,
        chainId: CHAIN_ID,
        lotId,
      });
      expect(waiting.map((write) => [write.method, write.isOnLedger])).toEqual([
        ["handoff", false],
      ]);
    } finally {
      await world.db.indexerCheckpoint.update({
        where: { chainId: CHAIN_ID },
        data: { blockNumber: checkpoint.blockNumber },
      });
    }
  });

  it("is no one's business outside its organisation: another's id reads like a missing one", async () => {
    const { farm, packer, retailer } = world.members;
    const { writeId } = await harvestLot(world.db, farm, { lotCode: "LW-3", nextHolder: packer });
    expect(await statusesOf(retailer.organization.id, [writeId, "no-such-write"])).toEqual([]);
    expect(
      (await statusesOf(farm.organization.id, ["no-such-write", writeId])).map((w) => w.id),
    ).toEqual([writeId]);
    await world.settle();
  });

  it("is refused with the ledger's sentence when the chain refuses it", async () => {
    const { farm, packer } = world.members;
    await world.revokeRole(farm);
    const { writeId } = await harvestLot(world.db, farm, { lotCode: "LW-4", nextHolder: packer });
    await world.settle();
    const [refused] = await statusesOf(farm.organization.id, [writeId]);
    expect(refused).toMatchObject({ status: "FAILED", isOnLedger: false });
    expect(refused?.error).toBe(
      "The ledger refused: your organisation's account is not registered for this action. Ask your LotLedger administrator to register it.",
    );
  });
});
