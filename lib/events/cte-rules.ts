import { CTE_LABELS } from "@/lib/epcis/cte-names";
import type { CriticalTrackingEvent } from "@/lib/epcis/event";

export { CTE_LABELS };

type RecordedHere = Exclude<CriticalTrackingEvent, "shipping" | "receiving">;

/** What an API client reads when a field of an event is not a string (or, for lots, an array). */
export const EVENT_FIELDS_AS_JSON =
  "Send the event's fields as a JSON object of strings (input lot ids as an array).";

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
  // Own keys only: `in` also says yes to "constructor", "toString" and the rest of Object.prototype.
  return Object.hasOwn(CTE_KINDS, cte);
}

type Recorder = { role: string; organization: { kind: string; name: string } };

/**
 * Why this member may not record this event at all, or null when they may (holding the lot is
 * checked when recording). The form page and the domain function say the same sentence.
 */
export function cteRefusal(member: Recorder, cte: RecordedHere): string | null {
  const label = CTE_LABELS[cte].toLowerCase();
  if (member.role === "READ_ONLY") {
    return `Your account is read-only: ask a colleague with staff access to record the ${label}.`;
  }
  if (CTE_KINDS[cte].includes(member.organization.kind)) return null;
  const kinds = CTE_KINDS[cte].map((kind) => `${kind.toLowerCase()}s`).join(" and ");
  return `Only ${kinds} record ${label}; ${member.organization.name} is a ${member.organization.kind.toLowerCase()}.`;
}

export function canRecordCte(member: Recorder, cte: RecordedHere): boolean {
  return cteRefusal(member, cte) === null;
}
