import type { Tx } from "@/lib/db/client";
import type { DecodedLog } from "./decode";
import { writeColdChain } from "./write-cold-chain";

/**
 * Undoes what the blocks after `ancestor` did to devices, storage rules, anchored device batches and
 * holds: their holds go, their releases are undone, their registrations and revocations are taken
 * back and a rule they set falls back to the one set before. Call it before their events are deleted.
 */
export async function rollBackColdChain(tx: Tx, chainId: number, ancestor: number): Promise<void> {
  const abandoned = await tx.ledgerEvent.findMany({
    where: {
      chainId,
      blockNumber: { gt: ancestor },
      name: { in: ["DeviceRegistered", "DeviceRevoked", "StorageRuleSet", "LotReleased"] },
    },
    select: { name: true, txHash: true, args: true },
  });
  const txHashesOf = (name: string) =>
    abandoned.filter((e) => e.name === name).map((e) => e.txHash);
  const argsOf = (name: string, arg: string) =>
    abandoned
      .filter((e) => e.name === name)
      .map((e) => String((e.args as Record<string, string>)[arg]));

  await tx.lotHold.deleteMany({ where: { chainId, heldBlock: { gt: ancestor } } });
  await tx.lotHold.updateMany({
    where: { chainId, releasedTxHash: { in: txHashesOf("LotReleased") } },
    data: { releasedBy: null, releaseReasonHash: null, releasedTxHash: null, releasedAt: null },
  });
  await tx.deviceBatch.updateMany({
    where: { chainId, anchoredBlock: { gt: ancestor } },
    data: { anchoredTxHash: null, anchoredBlock: null },
  });
  await tx.device.updateMany({
    where: {
      chainId,
      address: { in: argsOf("DeviceRevoked", "device").map((a) => a.toLowerCase()) },
    },
    data: { status: "ACTIVE", revokedAt: null },
  });
  await tx.device.updateMany({
    where: { chainId, registeredTxHash: { in: txHashesOf("DeviceRegistered") } },
    data: { status: "PENDING", registeredTxHash: null },
  });
  await restoreStorageRules(tx, chainId, ancestor);
}

/** Rules set after `ancestor` give way to the last one set before it, if any. */
async function restoreStorageRules(tx: Tx, chainId: number, ancestor: number): Promise<void> {
  const undone = await tx.storageRule.findMany({
    where: { chainId, blockNumber: { gt: ancestor } },
    select: { gtin: true },
  });
  if (undone.length === 0) return;
  await tx.storageRule.deleteMany({ where: { chainId, blockNumber: { gt: ancestor } } });
  const gtins = new Set(undone.map((rule) => rule.gtin));
  const earlier = await tx.ledgerEvent.findMany({
    where: { chainId, name: "StorageRuleSet", blockNumber: { lte: ancestor } },
    orderBy: [{ blockNumber: "asc" }, { txIndex: "asc" }, { logIndex: "asc" }],
  });
  const stillSet = earlier.filter((event) =>
    gtins.has(String((event.args as Record<string, string>).gtin).padStart(14, "0")),
  );
  await writeColdChain(
    tx,
    chainId,
    stillSet.map((event) => ({ ...event, args: event.args as DecodedLog["args"] })),
  );
}
