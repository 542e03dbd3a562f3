import "server-only";
import type { Member } from "@/lib/auth/session";
import type { Tx } from "@/lib/db/client";

// PLACEHOLDER until branch `ledger` lands (the lead takes ledger's file at merge): every captured
// event is accepted with no ledger write of its own, so capture stores and anchors them all.

export type CapturedEvent = { index: number; eventId: string; event: Record<string, unknown> };

export type CaptureOutcome =
  | {
      status: "accepted";
      lotIds: string[];
      ledgerTransactionId: string | null;
      payloadHash: string | null;
    }
  | { status: "rejected"; field: string; reason: string };

export async function applyCapturedEvents(
  _tx: Tx,
  _member: Member,
  input: { captureJobId: string; events: CapturedEvent[] },
): Promise<CaptureOutcome[]> {
  return input.events.map(() => ({
    status: "accepted",
    lotIds: [],
    ledgerTransactionId: null,
    payloadHash: null,
  }));
}
