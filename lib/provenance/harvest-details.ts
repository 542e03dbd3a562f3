import type { TrailEntry } from "@/lib/lots/get-lot-detail";

/** The field and the harvest day as the farm (or the packer, for a grower off the ledger) entered them. */
export type HarvestDetails = { fieldName: string | null; harvestDate: string | null };

const text = (value: unknown) => (typeof value === "string" && value.trim() ? value.trim() : null);

/**
 * The field and harvest date of an origin lot, from the lot master data (ILMD) of the event that
 * registered it: a harvest, or an initial packing of produce from a grower outside LotLedger. Read
 * only from a payload verified against the ledger: an unverified one could say anything.
 */
export function harvestDetailsOf(trail: readonly TrailEntry[]): HarvestDetails {
  for (const entry of trail) {
    if (!entry.isVerified) continue;
    const ilmd = entry.payload?.ilmd as Record<string, unknown> | undefined;
    const details = { fieldName: text(ilmd?.fieldName), harvestDate: text(ilmd?.harvestDate) };
    if (details.fieldName || details.harvestDate) return details;
  }
  return { fieldName: null, harvestDate: null };
}
