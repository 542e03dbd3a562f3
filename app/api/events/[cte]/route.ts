import { z } from "zod";
import { readJson } from "@/lib/api/body";
import { respond } from "@/lib/api/respond";
import { authenticateRequest } from "@/lib/auth/caller";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { queueTrackingEvent } from "@/lib/events/record-event";

// The same key data elements as the form, by the same names ("outputs.0.lotCode", or nested);
// several input lots as an array. The event's schema checks every field.
const eventBody = z.record(z.string(), z.unknown());

/**
 * POST /api/events/{cte} (harvesting, cooling, initial_packing, first_land_based_receiving,
 * transformation, split, merge): 202 with the write's id, the lots it makes, and where it stands.
 */
export async function POST(request: Request, { params }: { params: Promise<{ cte: string }> }) {
  const { cte } = await params;
  return respond(`POST /api/events/${cte}`, 202, async () => {
    const member = await authenticateRequest(request, { scope: "RECORD" });
    const body = eventBody.safeParse(await readJson(request));
    if (!body.success) {
      throw new AppError(
        "INVALID_INPUT",
        "Send the event's fields as a JSON object of strings (input lot ids as an array).",
      );
    }
    const db = getDb();
    const queued = await queueTrackingEvent({ db, member, cte, values: body.data });
    return { ...queued, status: "PENDING" };
  });
}
