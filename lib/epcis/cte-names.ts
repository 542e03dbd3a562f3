import type { CriticalTrackingEvent } from "./event";

// The critical tracking events' names in LotLedger's words (buttons, headings) and in the FDA's
// (FSMA 204 records and the sortable spreadsheet), side by side and keyed by the same CTEs.

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
 * The same events in the FDA's words (FSMA 204 and its sortable spreadsheet), for the FSMA records:
 * a split or merge is a transformation there.
 */
export const FSMA_CTE_NAMES: Record<CriticalTrackingEvent, string> = {
  harvesting: "Harvesting",
  cooling: "Cooling",
  initial_packing: "Initial packing",
  first_land_based_receiving: "First land-based receiving",
  shipping: "Shipping",
  receiving: "Receiving",
  transformation: "Transformation",
  split: "Transformation (split)",
  merge: "Transformation (merge)",
};
