import { readJson } from "@/lib/api/body";
import { respondToWrite } from "@/lib/api/idempotency";
import { getDb } from "@/lib/db";
import { createLot } from "@/lib/events/register-lot";

/**
 * POST { gtin, lotCode, quantity, unit }: register a lot. 202 `{ writeId, lotId, status }` once it
 * is in the outbox; an `Idempotency-Key` makes it exactly once (lib/api/idempotency.ts).
 */
export async function POST(request: Request) {
  return respondToWrite("POST /api/lots", request, "RECORD", async (member, idempotencyKey) =>
    createLot({ db: getDb(), member, input: await readJson(request), idempotencyKey }),
  );
}
