import "server-only";
import type { Db } from "@/lib/db/client";

// A stand-in for lib/holds' getLotHold (issue 19, written in parallel), read straight from the
// tables the indexer fills from LotHeld and LotReleased, for the scan and the consumer page. At the
// merge its callers (lib/scan/resolve-scan.ts, ./get-provenance.ts) call getLotHold and this goes.

/** The storage rule's latest hold of a lot, as a person reads it. */
export type LotHoldView = {
  heldAt: Date;
  /** Minutes the lot spent outside its range, as the rule counted them when it held the lot. */
  excursionMinutes: number;
  minCelsius: number;
  maxCelsius: number;
  /** The GTIN's storage rule; null when the read model lost it (the hold still stands). */
  range: { minCelsius: number; maxCelsius: number } | null;
  /** The device whose batch tipped the lot over its allowance. */
  deviceName: string;
  /** The organisation holding the lot: its admins release it. */
  custodian: string;
  release: { at: Date; by: string; reason: string | null } | null;
};

/** The lot's latest hold, released or not; null when the rule never held it. */
export async function findLotHold({
  db,
  lotId,
}: {
  db: Db;
  lotId: string;
}): Promise<LotHoldView | null> {
  const hold = await db.lotHold.findFirst({
    where: { lotId },
    orderBy: [{ heldBlock: "desc" }, { heldLogIndex: "desc" }],
  });
  if (!hold) return null;
  const [lot, device, payload] = await Promise.all([
    db.lot.findUnique({ where: { id: lotId }, select: { gtin: true, custodian: true } }),
    db.device.findUnique({
      where: { chainId_address: { chainId: hold.chainId, address: hold.deviceAddress } },
      select: { name: true },
    }),
    hold.releaseReasonHash
      ? db.eventPayload.findUnique({ where: { hash: hold.releaseReasonHash } })
      : null,
  ]);
  const [rule, organizations] = await Promise.all([
    lot
      ? db.storageRule.findUnique({
          where: { chainId_gtin: { chainId: hold.chainId, gtin: lot.gtin } },
        })
      : null,
    db.organization.findMany({
      where: { chainAddress: { in: [lot?.custodian ?? "", hold.releasedBy ?? ""] } },
      select: { chainAddress: true, name: true },
    }),
  ]);
  const nameOf = (address: string | null | undefined) =>
    organizations.find((o) => o.chainAddress === address)?.name ??
    `account ${(address ?? "").slice(0, 10)}…`;
  const body = payload?.body as { reason?: unknown } | undefined;
  return {
    heldAt: hold.heldAt,
    excursionMinutes: hold.excursionMinutes,
    minCelsius: hold.minMilliCelsius / 1000,
    maxCelsius: hold.maxMilliCelsius / 1000,
    range: rule
      ? { minCelsius: rule.minMilliCelsius / 1000, maxCelsius: rule.maxMilliCelsius / 1000 }
      : null,
    deviceName: device?.name ?? `device ${hold.deviceAddress.slice(0, 10)}…`,
    custodian: nameOf(lot?.custodian),
    release:
      hold.releasedAt && hold.releasedBy
        ? {
            at: hold.releasedAt,
            by: nameOf(hold.releasedBy),
            reason: typeof body?.reason === "string" ? body.reason : null,
          }
        : null,
  };
}
