import type { Db, Tx } from "@/lib/db/client";

/** A GTIN's storage rule in milli-°C: the chain's (StorageRule), else its product's master data. */
export type StorageRuleView = {
  minMilliCelsius: number;
  maxMilliCelsius: number;
  allowedExcursionMinutes: number;
  /** Set on LotTracker (StorageRuleSet), so the contract holds lots by it. */
  isOnChain: boolean;
};

/** The rule lots of `gtin` are judged by on `chainId`, or null when neither chain nor product has one. */
export async function storageRuleOf(
  db: Db | Tx,
  { chainId, gtin }: { chainId: number; gtin: string },
): Promise<StorageRuleView | null> {
  const rule = await db.storageRule.findUnique({
    where: { chainId_gtin: { chainId, gtin } },
    select: { minMilliCelsius: true, maxMilliCelsius: true, allowedExcursionMinutes: true },
  });
  if (rule) return { ...rule, isOnChain: true };
  const product = await db.product.findUnique({
    where: { gtin },
    select: { storageMinCelsius: true, storageMaxCelsius: true, allowedExcursionMinutes: true },
  });
  if (product?.storageMinCelsius == null || product.storageMaxCelsius == null) return null;
  return {
    minMilliCelsius: Math.round(Number(product.storageMinCelsius) * 1000),
    maxMilliCelsius: Math.round(Number(product.storageMaxCelsius) * 1000),
    allowedExcursionMinutes: product.allowedExcursionMinutes ?? 0,
    isOnChain: false,
  };
}

/** "2 to 8 °C" (an en dash reads as a minus beside negative numbers: "−18 to −15 °C"). */
export function rangeText(
  rule: Pick<StorageRuleView, "minMilliCelsius" | "maxMilliCelsius">,
): string {
  return `${celsiusOf(rule.minMilliCelsius)} to ${celsiusOf(rule.maxMilliCelsius)} °C`;
}

/** Milli-°C as a person reads it: "11.5", "−18". */
export function celsiusOf(milliCelsius: number): string {
  return String(milliCelsius / 1000).replace("-", "−");
}
