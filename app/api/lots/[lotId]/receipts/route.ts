import { readJson } from "@/lib/api/body";
import { respondToWrite } from "@/lib/api/idempotency";
import { getDb } from "@/lib/db";
import { receiveLot } from "@/lib/events/receiving";

/**
 * POST { decision: "accept" } or { decision: "reject", reason }, each with { countedQuantity?,
 * condition?, temperature? }: the recipient answers a lot shipped to it, as the lot page's receive
 * form does. 202 with the ledger write's id; an `Idempotency-Key` makes it exactly once.
 */
export async function POST(request: Request, { params }: { params: Promise<{ lotId: string }> }) {
  const { lotId } = await params;
  return respondToWrite(
    "POST /api/lots/[lotId]/receipts",
    request,
    "RECORD",
    async (member, idempotencyKey) => ({
      lotId,
      ...(await receiveLot({
        db: getDb(),
        member,
        lotId,
        input: await readJson(request),
        idempotencyKey,
      })),
    }),
  );
}
