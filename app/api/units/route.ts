import { readJson } from "@/lib/api/body";
import { readIdempotencyKey, writeOnce } from "@/lib/api/idempotency";
import { respondFailure } from "@/lib/api/respond";
import { authenticateRequest } from "@/lib/auth/caller";
import { getDb } from "@/lib/db";
import { buildUnit, ssccOfWrite } from "@/lib/logistic-units";

/**
 * POST { lotIds, extensionDigit? }: build a pallet of lots the caller's organisation holds. 202
 * { writeId, sscc, status } once its packing is queued; an `Idempotency-Key` makes it exactly once
 * (a repeat answers 200 with the first pallet).
 */
export async function POST(request: Request) {
  try {
    const member = await authenticateRequest(request, { scope: "RECORD" });
    const key = readIdempotencyKey(request);
    const db = getDb();
    const input = await readJson(request);
    const { status, answer } = await writeOnce({
      db,
      member,
      key,
      write: () => buildUnit({ db, member, input, idempotencyKey: key }),
    });
    const sscc = await ssccOfWrite(db, answer.writeId);
    return Response.json({ writeId: answer.writeId, sscc, status: answer.status }, { status });
  } catch (error) {
    return respondFailure(error, "POST /api/units");
  }
}
