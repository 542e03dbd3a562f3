import "server-only";
import { type ReadingBatch, readingBatchSigner } from "@/lib/chain/reading-batch";
import { readingsRootOf } from "@/lib/cold-chain";
import type { Db } from "@/lib/db/client";
import { readingBatchDomainOf } from "./ledger-domain";

export type DeviceBatchView = {
  id: string;
  sequence: number;
  device: { name: string; address: string; organization: string };
  firstReadingAt: Date;
  lastReadingAt: Date;
  minutesOutsideRange: number;
  readings: { takenAt: Date; celsius: number }[];
  /** The signature recovers the device's address under the chain's EIP-712 domain. */
  isSignatureVerified: boolean;
  /** The stored readings still give the signed Merkle root. */
  isRootVerified: boolean;
  /** The indexer saw DeviceReadingsAnchored for it: in this transaction and block. */
  isAnchored: boolean;
  anchoredTxHash: string | null;
  anchoredBlock: number | null;
};

/**
 * A lot's device-signed batches in time order, for the lot and consumer pages: who measured, the
 * readings, and the three checks anyone can repeat (signature, root, anchor).
 */
export async function getDeviceBatches({
  db,
  lotId,
}: {
  db: Db;
  lotId: string;
}): Promise<DeviceBatchView[]> {
  const batches = await db.deviceBatch.findMany({
    where: { lotId },
    orderBy: [{ firstReadingAt: "asc" }, { sequence: "asc" }],
  });
  const lot = await db.lot.findUnique({
    where: { id: lotId },
    select: { gtin: true, lotCode: true },
  });
  if (batches.length === 0 || !lot) return [];
  const devices = await db.device.findMany({
    where: { id: { in: batches.map((b) => b.deviceId) } },
    select: { id: true, name: true, address: true, organizationId: true },
  });
  const organizations = await db.organization.findMany({
    where: { id: { in: devices.map((d) => d.organizationId) } },
    select: { id: true, name: true },
  });
  const rows = await db.temperatureReading.findMany({
    where: { lotId, ledgerTransactionId: { in: batches.map((b) => b.ledgerTransactionId) } },
    orderBy: { takenAt: "asc" },
    select: { ledgerTransactionId: true, takenAt: true, celsius: true, sensorId: true },
  });
  const deviceOf = new Map(devices.map((d) => [d.id, d]));
  const organizationOf = new Map(organizations.map((o) => [o.id, o.name]));
  const rowsOf = new Map<string, typeof rows>();
  for (const r of rows)
    rowsOf.set(r.ledgerTransactionId, [...(rowsOf.get(r.ledgerTransactionId) ?? []), r]);
  const domains = new Map<number, Awaited<ReturnType<typeof readingBatchDomainOf>>>();
  const views: DeviceBatchView[] = [];
  for (const row of batches) {
    const device = deviceOf.get(row.deviceId);
    if (!device) continue;
    if (!domains.has(row.chainId))
      domains.set(row.chainId, await readingBatchDomainOf(db, row.chainId));
    const anchored = (rowsOf.get(row.ledgerTransactionId) ?? []).map((r) => ({
      takenAt: r.takenAt,
      milliCelsius: Math.round(Number(r.celsius) * 1000),
      sensorId: r.sensorId,
    }));
    const signed: ReadingBatch = {
      gtin: lot.gtin,
      lotCode: lot.lotCode,
      readingsRoot: row.readingsRoot,
      readingCount: row.readingCount,
      sequence: row.sequence,
      firstReadingAt: row.firstReadingAt.getTime() / 1000,
      lastReadingAt: row.lastReadingAt.getTime() / 1000,
      minMilliCelsius: row.minMilliCelsius,
      maxMilliCelsius: row.maxMilliCelsius,
      minutesOutsideRange: row.minutesOutsideRange,
    };
    const domain = domains.get(row.chainId);
    views.push({
      id: row.id,
      sequence: row.sequence,
      device: {
        name: device.name,
        address: device.address,
        organization: organizationOf.get(device.organizationId) ?? "",
      },
      firstReadingAt: row.firstReadingAt,
      lastReadingAt: row.lastReadingAt,
      minutesOutsideRange: row.minutesOutsideRange,
      readings: anchored.map((r) => ({ takenAt: r.takenAt, celsius: r.milliCelsius / 1000 })),
      isSignatureVerified: !!domain && signerOf(domain, signed, row.signature) === device.address,
      isRootVerified:
        anchored.length === row.readingCount &&
        readingsRootOf(lotId, anchored) === row.readingsRoot,
      isAnchored: row.anchoredTxHash !== null,
      anchoredTxHash: row.anchoredTxHash,
      anchoredBlock: row.anchoredBlock,
    });
  }
  return views;
}

/** The signer's lower-case address, or null for a signature that does not parse. */
function signerOf(...args: Parameters<typeof readingBatchSigner>): string | null {
  try {
    return readingBatchSigner(...args).toLowerCase();
  } catch {
    return null;
  }
}
