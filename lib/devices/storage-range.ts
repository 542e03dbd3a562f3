import "server-only";
import type { Db } from "@/lib/db/client";
import { findProduct } from "@/lib/products";
import type { MilliRange } from "./batch-facts";

/**
 * The range a GTIN's lots are judged against in whole milli-°C: the storage rule on the chain
 * (StorageRuleSet, as indexed) when there is one, since the contract adds minutes by it; else the
 * product's master data, which the rule is published from; null when neither gives both ends.
 */
export async function storageRangeOfGtin(
  db: Db,
  { chainId, gtin }: { chainId: number; gtin: string },
): Promise<MilliRange | null> {
  const rule = await db.storageRule.findUnique({
    where: { chainId_gtin: { chainId, gtin } },
    select: { minMilliCelsius: true, maxMilliCelsius: true },
  });
  if (rule) return rule;
  const product = await findProduct(db, gtin);
  if (product?.storageMinCelsius == null || product.storageMaxCelsius == null) return null;
  return {
    minMilliCelsius: Math.round(product.storageMinCelsius * 1000),
    maxMilliCelsius: Math.round(product.storageMaxCelsius * 1000),
  };
}

/** "2.000 to 8.000 °C", or "no storage range" when the GTIN has none. */
export function milliRangeText(range: MilliRange | null): string {
  if (!range) return "no storage range";
  return `${milliCelsiusText(range.minMilliCelsius)} to ${milliCelsiusText(range.maxMilliCelsius)} °C`;
}

/** Milli-°C as a logger shows it, three decimals, with a true minus sign: "−95.000". */
export function milliCelsiusText(milli: number): string {
  const text = (Math.abs(milli) / 1000).toFixed(3);
  return milli < 0 ? `−${text}` : text;
}
