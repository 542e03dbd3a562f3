import { readJson } from "@/lib/api/body";
import { getDb } from "@/lib/db";
import { receiveShipment, respondToShipmentWrite } from "@/lib/shipments";

/**
 * POST { decision: "accept" | "reject", ssccs?, reason? }: the recipient answers the whole shipment,
 * or the pallets named, in one ledger write. 202 { writeId, note, status }: `note` says when lots
 * answered on their own made it an answer lot by lot. An `Idempotency-Key` makes it exactly once.
 */
export async function POST(
  request: Request,
  { params }: { params: Promise<{ reference: string }> },
) {
  const { reference } = await params;
  return respondToShipmentWrite(
    "POST /api/shipments/[reference]/receipts",
    request,
    "RECORD",
    async (member, idempotencyKey) =>
      receiveShipment({
        db: getDb(),
        member,
        reference,
        input: await readJson(request),
        idempotencyKey,
      }),
    async (): Promise<{ note: string | null }> => ({ note: null }),
  );
}
