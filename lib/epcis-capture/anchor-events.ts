import "server-only";
import type { Member } from "@/lib/auth/session";
import type { Tx } from "@/lib/db/client";
import { type EpcisCapturePayload, eventIdsRootOf } from "@/lib/epcis/event-id-tree";
import { enqueueLedgerWrite } from "@/lib/events/ledger-write";

/**
 * Queues the one ledger write that anchors a capture's events with no write of their own:
 * `anchorEvents(root, count, payloadHash)`, root = the Merkle root of their hash IDs. In the
 * caller's transaction, so the rows and their anchor exist together or not at all.
 */
export async function anchorCapturedEvents(
  tx: Tx,
  member: Member,
  { captureJobId, eventIds }: { captureJobId: string; eventIds: string[] },
): Promise<{ id: string; payloadHash: string }> {
  const root = eventIdsRootOf(eventIds);
  const payload: EpcisCapturePayload = { type: "EpcisCapture", captureJob: captureJobId, eventIds };
  return enqueueLedgerWrite(tx, member, {
    payload,
    call: (payloadHash) => ({
      method: "anchorEvents",
      args: [root, String(eventIds.length), payloadHash],
    }),
  });
}
