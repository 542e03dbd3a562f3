import type { CriticalTrackingEvent } from "./epcis";

type RecordedHere = Exclude<CriticalTrackingEvent, "shipping" | "receiving">;

/** How each critical tracking event is named on buttons and headings. */
export const CTE_LABELS: Record<CriticalTrackingEvent, string> = {
  harvesting: "Harvest",
  cooling: "Cooling",
  initial_packing: "Initial packing",
  first_land_based_receiving: "First land-based receiving",
  shipping: "Shipping",
  receiving: "Receiving",
  transformation: "Transformation",
  split: "Split",
  merge: "Merge",
};

/**
 * Which organisation kinds record each event (shipping and receiving: every kind holding lots, see
 * lib/lots). Farms harvest; packhouses and farms pack; seafood first receivers land catches; anyone
 * holding produce may cool it; those who assign lot codes split, merge and transform.
 */
export const CTE_KINDS: Record<RecordedHere, readonly string[]> = {
  harvesting: ["FARM"],
  cooling: ["FARM", "PACKER", "PROCESSOR"],
  initial_packing: ["FARM", "PACKER"],
  first_land_based_receiving: ["PACKER", "PROCESSOR"],
  transformation: ["FARM", "PACKER", "PROCESSOR"],
  split: ["FARM", "PACKER", "PROCESSOR"],
  merge: ["FARM", "PACKER", "PROCESSOR"],
};

export function isRecordedHere(cte: string): cte is RecordedHere {
  return cte in CTE_KINDS;
}

/** Whether this member may record this event at all (holding the lot is checked when recording). */
export function canRecordCte(
  member: { role: string; organization: { kind: string } },
  cte: RecordedHere,
): boolean {
  return member.role !== "READ_ONLY" && CTE_KINDS[cte].includes(member.organization.kind);
}
