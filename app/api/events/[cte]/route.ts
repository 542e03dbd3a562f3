import { z } from "zod";
import { readJson } from "@/lib/api/body";
import { respondToWrite } from "@/lib/api/idempotency";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { queueTrackingEvent } from "@/lib/events/record-event";

// The same key data elements as the form, by the same names ("outputs.0.lotCode", or nested);
// several input lots as an array. The event's schema checks every field.
const eventBody = z.record(z.string(), z.unknown());

/**
 * POST /api/events/{cte} (harvesting, cooling, initial_packing, first_land_based_receiving,
 * transformation, split, merge): 202 with the write's id and the lot it concerns, once it is in the
 * outbox; an `Idempotency-Key` makes it exactly once (lib/api/idempotency.ts).
 */
export async function POST(request: Request, { params }: { params: Promise<{ cte: string }> }) {
  const { cte } = await params;
  return respondToWrite(`POST /api/events/${cte}`, request, "RECORD", async (member, key) => {
    const body = eventBody.safeParse(await readJson(request));
    if (!body.success) {
      throw new AppError(
        "INVALID_INPUT",
        "Send the event's fields as a JSON object of strings (input lot ids as an array).",
      );
    }
    return queueTrackingEvent({ db: getDb(), member, cte, values: body.data, idempotencyKey: key });
  });
}
