import { Wallet } from "ethers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLedgerWorld, type LedgerWorld } from "@/tools/testing/ledger-world";
import { registerDevice, revokeDevice } from ".";

// What the contract refuses that LotLedger's own checks cannot see (another client of the same
// contract registered the address first): the write fails with a sentence, not a custom error's name.

let world: LedgerWorld;

beforeAll(async () => {
  world = await createLedgerWorld({ kinds: ["FARM", "PACKER", "RETAILER"] });
});

afterAll(async () => {
  await world.drop();
});

describe("device writes the ledger refuses", () => {
  it("says the address is already registered on the ledger, and who may revoke a device", async () => {
    const { db, members } = world;
    const address = Wallet.createRandom().address;
    await world.sendAs(members.retailer, (lotTracker) => lotTracker.registerDevice(address));
    const { deviceId, writeId } = await registerDevice({
      db,
      member: members.farm,
      name: "Borrowed logger",
      address,
    });
    await world.settle();
    expect(await db.ledgerTransaction.findUniqueOrThrow({ where: { id: writeId } })).toMatchObject({
      status: "FAILED",
      error: `The ledger refused: device ${address.toLowerCase()} is already registered there, perhaps by another organisation; give the logger a new key pair.`,
    });
    const revoked = await revokeDevice({ db, member: members.farm, deviceId });
    await world.settle();
    expect(
      await db.ledgerTransaction.findUniqueOrThrow({ where: { id: revoked.writeId } }),
    ).toMatchObject({
      status: "FAILED",
      error: `The ledger refused: device ${address.toLowerCase()} is not your organisation's on the ledger, so it cannot revoke it.`,
    });
  });
});
