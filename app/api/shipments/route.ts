import { readJson } from "@/lib/api/body";
import { getDb } from "@/lib/db";
import { findWriteShipmentReference, respondToShipmentWrite, shipGoods } from "@/lib/shipments";

/**
 * POST { recipientGln, carrierGln?, ssccs?, lotIds?, documentType?, documentNumber? }: ships pallets
 * and loose lots the caller's organisation holds in one ledger write. 202 { writeId, reference,
 * status }; an `Idempotency-Key` makes it exactly once.
 */
export async function POST(request: Request) {
  return respondToShipmentWrite(
    "POST /api/shipments",
    request,
    "RECORD",
    async (member, idempotencyKey) =>
      shipGoods({ db: getDb(), member, input: await readJson(request), idempotencyKey }),
    async (writeId) => ({ reference: await findWriteShipmentReference(getDb(), writeId) }),
  );
}
