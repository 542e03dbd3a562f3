/** Organisation kinds that assign traceability lot codes (FSMA 204: initial packing, transformation). */
export const LOT_CREATING_KINDS = ["FARM", "PACKER", "PROCESSOR"];

export function canCreateLots(member: { role: string; organization: { kind: string } }): boolean {
  return member.role !== "READ_ONLY" && LOT_CREATING_KINDS.includes(member.organization.kind);
}

/** Organisation kinds that take custody of lots (LotTracker's custody roles): all but regulators. */
export const CUSTODY_KINDS = ["FARM", "PACKER", "PROCESSOR", "CARRIER", "RETAILER"];
