import "server-only";
import type { Db } from "@/lib/db/client";
import { getLotHold } from "@/lib/holds";

// A lot's latest hold (lib/holds) as the scan and the consumer page tell it: in °C, with the device's
// and the custodian's names.

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
  const summary = await getLotHold({ db, lotId });
  const hold = summary?.current ?? summary?.past[0];
  if (!summary || !hold) return null;
  const { rule } = summary;
  return {
    heldAt: hold.heldAt,
    excursionMinutes: hold.excursionMinutes,
    minCelsius: hold.minMilliCelsius / 1000,
    maxCelsius: hold.maxMilliCelsius / 1000,
    range: rule
      ? { minCelsius: rule.minMilliCelsius / 1000, maxCelsius: rule.maxMilliCelsius / 1000 }
      : null,
    deviceName: hold.deviceName,
    custodian: summary.custodian.name,
    release: hold.release
      ? { at: hold.release.at ?? hold.heldAt, by: hold.release.by, reason: hold.release.reason }
      : null,
  };
}
