import { z } from "zod";
import { readJson, respond } from "@/lib/api/respond";
import { authenticate } from "@/lib/auth/session";
import { awaitLedgerWrite } from "@/lib/chain/outbox/await-write";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { queueTrackingEvent } from "@/lib/events/record-event";

// The same key data elements as the form, by the same names; several input lots as an array.
const eventBody = z.record(z.string(), z.union([z.string(), z.array(z.string())]));

/**
 * POST /api/events/{cte} (harvesting, cooling, initial_packing, first_land_based_receiving,
 * transformation, split, merge): 202 with the write's id, the lots it makes, and where it stands.
 */
export async function POST(request: Request, { params }: { params: Promise<{ cte: string }> }) {
  const { cte } = await params;
  return respond(`POST /api/events/${cte}`, 202, async () => {
    const member = await authenticate();
    const body = eventBody.safeParse(await readJson(request));
    if (!body.success) {
      throw new AppError(
        "INVALID_INPUT",
        "Send the event's fields as a JSON object of strings (input lot ids as an array).",
      );
    }
    const values = Object.fromEntries(
      Object.entries(body.data).map(([key, value]) => [
        key,
        Array.isArray(value) ? value.join(",") : value,
      ]),
    );
    const db = getDb();
    const queued = await queueTrackingEvent({ db, member, cte, values });
    return { ...queued, state: await awaitLedgerWrite(db, queued.writeId) };
  });
}
