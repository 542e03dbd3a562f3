import { respondToWrite } from "@/lib/api/idempotency";
import { getDb } from "@/lib/db";
import { unpackUnit } from "@/lib/logistic-units";

/**
 * POST (no body): take apart a pallet whose every lot the caller's organisation holds. 202
 * { writeId, lotId, status } once its unpacking is queued; an `Idempotency-Key` makes it exactly once.
 */
export async function POST(request: Request, { params }: { params: Promise<{ sscc: string }> }) {
  const { sscc } = await params;
  return respondToWrite(
    "POST /api/units/[sscc]/unpack",
    request,
    "RECORD",
    (member, idempotencyKey) => unpackUnit({ db: getDb(), member, sscc, idempotencyKey }),
  );
}
