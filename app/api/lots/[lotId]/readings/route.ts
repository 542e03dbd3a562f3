import { z } from "zod";
import { readJson, respond } from "@/lib/api/respond";
import { authenticate } from "@/lib/auth/session";
import { readingsFromCsv } from "@/lib/cold-chain/readings-csv";
import { recordReadings } from "@/lib/cold-chain/record-readings";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";

const readingsBody = z.object({
  readings: z.unknown(),
  /** Where the readings were taken, if known (GLN). */
  locationGln: z.string().optional(),
});

/**
 * POST { readings: [{ time, celsius, sensor? }], locationGln? } (or a text/csv body as the logger
 * exports it): records the readings of a lot the caller's organisation holds and anchors them on
 * the ledger. 202 with the ledger write's id, the count and the Merkle root.
 */
export async function POST(request: Request, { params }: { params: Promise<{ lotId: string }> }) {
  return respond("POST /api/lots/[lotId]/readings", 202, async () => {
    const member = await authenticate();
    const { lotId } = await params;
    const db = getDb();
    if (request.headers.get("content-type")?.startsWith("text/csv")) {
      return recordReadings({ db, member, lotId, readings: readingsFromCsv(await request.text()) });
    }
    const body = readingsBody.safeParse(await readJson(request));
    if (!body.success) {
      throw new AppError("INVALID_INPUT", 'Send {"readings": [{"time": …, "celsius": …}]}.');
    }
    return recordReadings({ db, member, lotId, ...body.data });
  });
}
