import { AppError } from "@/lib/errors";
import { assertCanRecord, assertHoldsCustody, notHeldMessage } from "@/lib/lots/guards";

/** What a member tries, in the words of the refusals ("…ask a colleague … to record …"). */
export const RECORD_READINGS = "record temperature readings";
/** Completes "…so it cannot … here". */
export const HAVE_READINGS_RECORDED = "have readings recorded";

/**
 * Why the member may not record readings of this lot, in recordReadings' own sentences, or null:
 * the readings page shows it instead of the form (recordReadings decides for good on submit).
 */
export function readingsRefusal(
  member: Parameters<typeof assertCanRecord>[0],
  lot: { status: string; custodian: { address: string } },
): string | null {
  try {
    assertCanRecord(member, RECORD_READINGS);
    assertHoldsCustody(member, RECORD_READINGS);
  } catch (error) {
    if (error instanceof AppError) return error.message;
    throw error;
  }
  return lot.custodian.address === member.organization.chainAddress && lot.status !== "CONSUMED"
    ? null
    : notHeldMessage(HAVE_READINGS_RECORDED);
}
