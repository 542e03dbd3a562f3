import { readJson, readText } from "@/lib/api/body";
import { respond } from "@/lib/api/respond";
import { authenticateRequest } from "@/lib/auth/caller";
import {
  assertMayRecordReadings,
  MAX_READINGS,
  readingsBody,
  readingsFromCsv,
  recordReadings,
} from "@/lib/cold-chain";
import { getDb } from "@/lib/db";
import { parseInput } from "@/lib/input";

/** 10,000 readings of a logger with a long sensor id, as CSV or JSON, with room to spare. */
const UPLOAD_LIMIT = {
  maxBytes: 2_000_000,
  tooLarge: `The upload is larger than 2 MB: send at most ${MAX_READINGS.toLocaleString("en")} readings at a time, in several uploads.`,
};

/**
 * POST { readings: [{ time, celsius, sensor? }], locationGln? } (or a text/csv body as the logger
 * exports it): records the readings of a lot the caller's organisation holds and anchors them on
 * the ledger. 202 with the ledger write's id, the count and the Merkle root.
 */
export async function POST(request: Request, { params }: { params: Promise<{ lotId: string }> }) {
  return respond("POST /api/lots/[lotId]/readings", 202, async () => {
    const member = await authenticateRequest(request, {
      scope: "RECORD",
      accepts: ["application/json", "text/csv"],
    });
    // Who may record is known before the upload is read: a refusal costs no parsing.
    assertMayRecordReadings(member);
    const { lotId } = await params;
    const db = getDb();
    if (request.headers.get("content-type")?.startsWith("text/csv")) {
      const readings = readingsFromCsv(await readText(request, UPLOAD_LIMIT));
      return recordReadings({ db, member, lotId, readings });
    }
    const { readings, locationGln } = parseInput(
      readingsBody,
      await readJson(request, UPLOAD_LIMIT),
    );
    return recordReadings({ db, member, lotId, readings, locationGln });
  });
}
