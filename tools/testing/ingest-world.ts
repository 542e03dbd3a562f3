import { expect } from "vitest";
import type { Member } from "@/lib/auth/session";
import { attachDevice, ingestDeviceBatch, registerDevice, revokeDevice } from "@/lib/devices";
import { createTestLogger, type TestLogger } from "@/tools/testing/device-logger";
import { createLedgerWorld, type LedgerWorld } from "@/tools/testing/ledger-world";

// A world for ingestion refusals: the farm holds lot ING-1, its "Cold logger" is attached to it for
// the last two hours, ING-2 has no logger attached; the retailer has its own logger, the farm a
// revoked one, and a stranger's logger is registered nowhere.

export type IngestWorld = {
  world: LedgerWorld;
  now: Date;
  logger: TestLogger;
  deviceId: string;
  shopLogger: TestLogger;
  revokedLogger: TestLogger;
  stranger: TestLogger;
  /** Expects `ingestDeviceBatch` to refuse with exactly `sentence` and to store nothing. */
  expectRefusal(
    message: unknown,
    sentence: string,
    options?: { deviceAddress?: string; organizationId?: string },
  ): Promise<void>;
};

export async function createIngestWorld(): Promise<IngestWorld> {
  const world = await createLedgerWorld({ kinds: ["FARM", "PACKER", "RETAILER"] });
  const { db, members } = world;
  const now = new Date();
  const lotId = await world.harvest("ING-1");
  await world.harvest("ING-2");
  const register = async (member: Member, name: string) => {
    const logger = await createTestLogger(db);
    const { deviceId } = await registerDevice({ db, member, name, address: logger.address });
    return { logger, deviceId };
  };
  const { logger, deviceId } = await register(members.farm, "Cold logger");
  await attachDevice({
    db,
    member: members.farm,
    deviceId,
    lotId,
    startsAt: new Date(now.getTime() - 2 * 3_600_000),
  });
  const shop = await register(members.retailer, "Shop logger");
  const revoked = await register(members.farm, "Old logger");
  await revokeDevice({ db, member: members.farm, deviceId: revoked.deviceId });
  const stored = () =>
    Promise.all([
      db.deviceBatch.count(),
      db.temperatureReading.count(),
      db.ledgerTransaction.count({ where: { method: "anchorDeviceReadings" } }),
      db.device.findMany({ select: { lastSequence: true }, orderBy: { id: "asc" } }),
    ]);
  return {
    world,
    now,
    logger,
    deviceId,
    shopLogger: shop.logger,
    revokedLogger: revoked.logger,
    stranger: await createTestLogger(db),
    async expectRefusal(message, sentence, options = {}) {
      const before = await stored();
      await expect(
        ingestDeviceBatch({ db, message, via: "mqtt", now, ...options }),
      ).rejects.toMatchObject({ name: "AppError", message: sentence });
      expect(await stored()).toEqual(before);
    },
  };
}
