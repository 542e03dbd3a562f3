import "server-only";
import type { Db } from "@/lib/db/client";
import { deviceFallbackName } from "@/lib/indexer/write-cold-chain";
import { type StorageRuleView, storageRuleOf } from "@/lib/products";

/** One hold the storage rule put on a lot, as the lot page shows it. */
export type LotHoldView = {
  deviceAddress: string;
  deviceName: string;
  minMilliCelsius: number;
  maxMilliCelsius: number;
  excursionMinutes: number;
  heldAt: Date;
  heldTxHash: string;
  release: {
    by: string;
    at: Date | null;
    txHash: string;
    /** The custodian's words, from the payload whose hash LotReleased carries; null if not stored. */
    reason: string | null;
  } | null;
};

export type LotHoldSummary = {
  /** The hold in force, or null when the lot is not on hold. */
  current: LotHoldView | null;
  /** Earlier holds, released, latest first. */
  past: LotHoldView[];
  /** The rule the lot is judged by (the chain's, else the product's), or null when none is set. */
  rule: StorageRuleView | null;
  custodian: { address: string; name: string };
};

/** The lot's holds and the rule behind them, or null when the read model has no such lot. */
export async function getLotHold({
  db,
  lotId,
}: {
  db: Db;
  lotId: string;
}): Promise<LotHoldSummary | null> {
  const lot = await db.lot.findUnique({
    where: { id: lotId },
    select: { chainId: true, gtin: true, custodian: true, isOnHold: true },
  });
  if (!lot) return null;
  const holds = await db.lotHold.findMany({
    where: { lotId },
    orderBy: [{ heldBlock: "desc" }, { heldLogIndex: "desc" }],
  });
  const addresses = [...new Set(holds.map((hold) => hold.deviceAddress))];
  const devices = await db.device.findMany({
    where: { chainId: lot.chainId, address: { in: addresses } },
    select: { address: true, name: true },
  });
  const hashes = holds.flatMap((hold) => hold.releaseReasonHash ?? []);
  const payloads = await db.eventPayload.findMany({
    where: { hash: { in: hashes } },
    select: { hash: true, body: true },
  });
  const nameOf = new Map(devices.map((device) => [device.address, device.name]));
  const reasonOf = new Map(payloads.map((p) => [p.hash, (p.body as { reason?: unknown }).reason]));
  const parties = await db.organization.findMany({
    where: { chainAddress: { in: [lot.custodian, ...holds.flatMap((h) => h.releasedBy ?? [])] } },
    select: { chainAddress: true, name: true },
  });
  const partyName = (address: string) =>
    parties.find((p) => p.chainAddress === address)?.name ?? address;
  const views: LotHoldView[] = holds.map((hold) => {
    const reason = hold.releaseReasonHash ? reasonOf.get(hold.releaseReasonHash) : null;
    return {
      deviceAddress: hold.deviceAddress,
      deviceName: nameOf.get(hold.deviceAddress) ?? deviceFallbackName(hold.deviceAddress),
      minMilliCelsius: hold.minMilliCelsius,
      maxMilliCelsius: hold.maxMilliCelsius,
      excursionMinutes: hold.excursionMinutes,
      heldAt: hold.heldAt,
      heldTxHash: hold.heldTxHash,
      release:
        hold.releasedBy && hold.releasedTxHash
          ? {
              by: partyName(hold.releasedBy),
              at: hold.releasedAt,
              txHash: hold.releasedTxHash,
              reason: typeof reason === "string" ? reason : null,
            }
          : null,
    };
  });
  const [latest] = views;
  const isCurrent = lot.isOnHold && latest !== undefined && latest.release === null;
  return {
    current: isCurrent ? latest : null,
    past: isCurrent ? views.slice(1) : views,
    rule: await storageRuleOf(db, lot),
    custodian: { address: lot.custodian, name: partyName(lot.custodian) },
  };
}
