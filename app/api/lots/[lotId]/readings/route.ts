import { readJson, respond } from "@/lib/api/respond";
import { authenticate } from "@/lib/auth/session";
import { readingsBody, readingsFromCsv, recordReadings } from "@/lib/cold-chain";
import { getDb } from "@/lib/db";
import { parseInput } from "@/lib/input";

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
    const { readings, locationGln } = parseInput(readingsBody, await readJson(request));
    return recordReadings({ db, member, lotId, readings, locationGln });
  });
}
