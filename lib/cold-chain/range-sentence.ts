import type { ColdChainBatch } from "./get-cold-chain";

/** °C as a person reads it: up to 3 decimals, no trailing zeros. */
export const celsiusText = (value: number) => `${Number(value.toFixed(3))}`;

/** The one sentence a shopper or a driver reads about a batch: the range its readings stayed in. */
export function rangeSentence(batch: ColdChainBatch): string {
  if (batch.minCelsius === null || batch.maxCelsius === null) {
    return `The ledger holds ${batch.count} readings that LotLedger no longer has`;
  }
  return batch.minCelsius === batch.maxCelsius
    ? `Kept at ${celsiusText(batch.minCelsius)} °C`
    : `Kept between ${celsiusText(batch.minCelsius)} and ${celsiusText(batch.maxCelsius)} °C`;
}
