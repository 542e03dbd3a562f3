import { CUSTODY_KINDS } from "@/lib/lots/permissions";

/** Whether to offer the member the readings upload for a lot (recordReadings decides for good). */
export function canRecordReadings(
  member: { role: string; organization: { kind: string; chainAddress: string } },
  lot: { status: string; custodian: { address: string } },
): boolean {
  return (
    member.role !== "READ_ONLY" &&
    CUSTODY_KINDS.includes(member.organization.kind) &&
    lot.custodian.address === member.organization.chainAddress &&
    lot.status !== "CONSUMED"
  );
}
