import type { Tx } from "@/lib/db/client";
import type { DecodedLog, EventTuple } from "./decode";
import { writeHold, writeRelease } from "./write-holds";

// Devices, storage rules, anchored device batches and holds from the cold chain's events, in chain
// order. Each write is keyed by what the chain names (device address, GTIN, device and sequence, the
// LotHeld log's position), so a replayed batch writes the same rows again. Lot.isOnHold itself is a
// lot change (lot-change.ts), rebuilt with the lot.

type Args = Record<string, string>;

/** Writes what the batch's cold-chain events say to the read model's devices, rules and holds. */
export async function writeColdChain(
  tx: Tx,
  chainId: number,
  events: readonly DecodedLog[],
): Promise<void> {
  for (const event of events) {
    const args = event.args as Args;
    switch (event.name) {
      case "DeviceRegistered":
        await writeRegisteredDevice(tx, chainId, event);
        break;
      case "DeviceRevoked": {
        const where = { chainId, address: args.device?.toLowerCase() };
        await tx.device.updateMany({
          where: { ...where, revokedAt: null },
          data: { revokedAt: new Date() },
        });
        await tx.device.updateMany({ where, data: { status: "REVOKED" } });
        break;
      }
      case "StorageRuleSet":
        await writeStorageRule(tx, chainId, event);
        break;
      case "DeviceReadingsAnchored": {
        const batch = event.args.batch as EventTuple;
        const device = await tx.device.findUnique({
          where: { chainId_address: { chainId, address: String(args.device).toLowerCase() } },
          select: { id: true },
        });
        if (!device) break;
        await tx.deviceBatch.updateMany({
          where: { deviceId: device.id, sequence: Number(batch.sequence) },
          data: { anchoredTxHash: event.txHash, anchoredBlock: event.blockNumber },
        });
        break;
      }
      case "LotHeld":
        await writeHold(tx, chainId, event, events);
        break;
      case "LotReleased":
        await writeRelease(tx, chainId, event);
        break;
    }
  }
}

/** A device LotLedger registered becomes ACTIVE; one registered elsewhere gets a row of its own. */
async function writeRegisteredDevice(tx: Tx, chainId: number, event: DecodedLog): Promise<void> {
  const args = event.args as Args;
  const address = String(args.device).toLowerCase();
  const data = { status: "ACTIVE" as const, registeredTxHash: event.txHash, revokedAt: null };
  const owner = await tx.organization.findUnique({
    where: { chainAddress: String(args.owner) },
    select: { id: true },
  });
  if (!owner) return;
  // Only the owner the chain names has its row made active: a member that asked to register an
  // address another already holds keeps its row pending, and its own write fails with a sentence.
  const { count } = await tx.device.updateMany({
    where: { chainId, address, organizationId: owner.id },
    data,
  });
  if (count > 0) return;
  // A device another LotLedger (or a script) registered: kept when its owner is an organisation
  // this read model knows, so its batches and holds can name it.
  await tx.device.createMany({
    data: [
      { chainId, address, organizationId: owner.id, name: deviceFallbackName(address), ...data },
    ],
    skipDuplicates: true,
  });
}

/** How a device LotLedger did not register is named: "Device 0x12ab…cdef". */
export function deviceFallbackName(address: string): string {
  return `Device ${address.slice(0, 6)}…${address.slice(-4)}`;
}

async function writeStorageRule(tx: Tx, chainId: number, event: DecodedLog): Promise<void> {
  const args = event.args as Args;
  const gtin = String(args.gtin).padStart(14, "0");
  const data = {
    minMilliCelsius: Number(args.minMilliCelsius),
    maxMilliCelsius: Number(args.maxMilliCelsius),
    allowedExcursionMinutes: Number(args.allowedExcursionMinutes),
    setBy: String(args.actor),
    txHash: event.txHash,
    blockNumber: event.blockNumber,
  };
  await tx.storageRule.upsert({
    where: { chainId_gtin: { chainId, gtin } },
    create: { chainId, gtin, ...data },
    update: data,
  });
}
