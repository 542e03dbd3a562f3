import { readJson } from "@/lib/api/body";
import { respondToWrite } from "@/lib/api/idempotency";
import { getDb } from "@/lib/db";
import { handOffLot } from "@/lib/events/shipping";

/**
 * POST { recipientGln }: ship a lot the caller's organisation holds. 202 with the ledger write's id;
 * an `Idempotency-Key` makes it exactly once (lib/api/idempotency.ts).
 */
export async function POST(request: Request, { params }: { params: Promise<{ lotId: string }> }) {
  const { lotId } = await params;
  return respondToWrite(
    "POST /api/lots/[lotId]/handoffs",
    request,
    "RECORD",
    async (member, idempotencyKey) =>
      handOffLot({ db: getDb(), member, lotId, input: await readJson(request), idempotencyKey }),
  );
}
