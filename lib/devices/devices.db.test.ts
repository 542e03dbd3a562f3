import { Wallet } from "ethers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Member } from "@/lib/auth/session";
import { createLedgerWorld, type LedgerWorld } from "@/tools/testing/ledger-world";
import { attachDevice, findDevices, registerDevice, revokeDevice } from ".";

// Registering, revoking and attaching loggers: who may, the refusals' sentences, and that a refusal
// writes neither a device nor a ledger write.

let world: LedgerWorld;
const HOUR = 3_600_000;
const newAddress = () => Wallet.createRandom().address;

beforeAll(async () => {
  world = await createLedgerWorld({ kinds: ["FARM", "PACKER", "RETAILER", "REGULATOR"] });
});

afterAll(async () => {
  await world.drop();
});

const counts = () =>
  Promise.all([
    world.db.device.count(),
    world.db.deviceAttachment.count(),
    world.db.ledgerTransaction.count(),
  ]);

async function expectRefused(work: () => Promise<unknown>, message: string) {
  const before = await counts();
  await expect(work()).rejects.toMatchObject({ name: "AppError", message });
  expect(await counts()).toEqual(before);
}

const register = (member: Member, address: string, name = "Cold room logger") =>
  registerDevice({ db: world.db, member, name, address });

describe("registering a data logger", () => {
  it("writes the device, pending, and its registerDevice write in one go; lists it", async () => {
    const { db, members } = world;
    const address = newAddress();
    const { deviceId, writeId } = await register(
      members.farm,
      address.toUpperCase().replace("0X", "0x"),
    );
    expect(await db.device.findUniqueOrThrow({ where: { id: deviceId } })).toMatchObject({
      address: address.toLowerCase(),
      status: "PENDING",
      organizationId: members.farm.organization.id,
    });
    const write = await db.ledgerTransaction.findUniqueOrThrow({ where: { id: writeId } });
    expect(write).toMatchObject({
      method: "registerDevice",
      args: [address.toLowerCase()],
      signerAddress: members.farm.organization.chainAddress,
    });
    const [device] = (await findDevices({ db, member: members.farm })).filter(
      (d) => d.id === deviceId,
    );
    expect(device).toMatchObject({
      name: "Cold room logger",
      status: "PENDING",
      attachments: [],
      lastBatchAt: null,
    });
  });

  it("refuses a malformed address, one already registered, a read-only member and a regulator", async () => {
    const { members } = world;
    await expectRefused(
      () => register(members.farm, "0x1234"),
      "'0x1234' is not a device address: give the logger's address, 0x and 40 hex digits, as its label or app shows it.",
    );
    const address = newAddress();
    await register(members.farm, address);
    await expectRefused(
      () => register(members.retailer, address),
      `Device ${address.toLowerCase()} is already registered to Test farm.`,
    );
    await expectRefused(
      () => register(members.retailerReadOnly, newAddress()),
      "Your account is read-only: ask a colleague with staff access to register a data logger.",
    );
    await expectRefused(
      () => register(members.regulator, newAddress()),
      "Only farms, packers, processors, carriers and retailers keep data loggers; Test regulator is a regulator.",
    );
    await expectRefused(
      () => register(members.farm, newAddress(), " "),
      "Give the device a name your staff recognise, such as Truck 7 logger.",
    );
  });
});

describe("revoking a data logger", () => {
  it("queues revokeDevice, shows it revoked, and refuses a second revocation or another's device", async () => {
    const { db, members } = world;
    const address = newAddress();
    const { deviceId } = await register(members.farm, address);
    await expectRefused(
      () => revokeDevice({ db, member: members.retailer, deviceId }),
      "Your organisation has no such device: pick one from its Devices page.",
    );
    const { writeId } = await revokeDevice({ db, member: members.farm, deviceId });
    expect(await db.ledgerTransaction.findUniqueOrThrow({ where: { id: writeId } })).toMatchObject({
      method: "revokeDevice",
      args: [address.toLowerCase()],
    });
    expect(
      (await findDevices({ db, member: members.farm })).find((d) => d.id === deviceId)?.status,
    ).toBe("REVOKED");
    await expectRefused(
      () => revokeDevice({ db, member: members.farm, deviceId }),
      "Device Cold room logger is revoked: register a new logger with its own key pair.",
    );
  });
});

describe("attaching a data logger", () => {
  it("attaches to a lot the organisation holds, shown as what the device measures now", async () => {
    const { db, members } = world;
    const lotId = await world.harvest("ATT-1");
    const { deviceId } = await register(members.farm, newAddress());
    const startsAt = new Date(Date.now() - HOUR);
    await attachDevice({ db, member: members.farm, deviceId, lotId, startsAt });
    const device = (await findDevices({ db, member: members.farm })).find((d) => d.id === deviceId);
    expect(device?.attachments).toEqual([
      { label: "lot ATT-1", href: `/lots/${lotId}`, startsAt, endsAt: null },
    ]);
  });

  it("refuses both a lot and a shipment, an end before the start, a lot held by others, a stranger's shipment", async () => {
    const { db, members } = world;
    const lotId = await world.harvest("ATT-2");
    const { deviceId } = await register(members.retailer, newAddress());
    const startsAt = new Date("2026-12-01T08:00:00Z");
    const attach = (input: { lotId?: string; shipmentId?: string; endsAt?: Date }) =>
      attachDevice({ db, member: members.retailer, deviceId, startsAt, ...input });
    await expectRefused(
      () => attach({ lotId, shipmentId: "S-1" }),
      "Attach the device to one lot or to one shipment: choose either, not both.",
    );
    await expectRefused(
      () => attach({ lotId, endsAt: startsAt }),
      "The attachment ends before it starts: give an end after 2026-12-01T08:00:00Z, or leave it open.",
    );
    await expectRefused(
      () => attach({ lotId }),
      "Your organisation does not hold this lot, so it cannot have a data logger attached here. Check the lot code, or ask its holder.",
    );
    await expectRefused(
      () => attach({ shipmentId: "S-404" }),
      "Your organisation neither sends nor carries shipment S-404 on the ledger, so it cannot attach a logger to it: check the shipment, or wait until the ledger has recorded it.",
    );
  });
});
