import { readJson } from "@/lib/api/body";
import { respond } from "@/lib/api/respond";
import { authenticateRequest } from "@/lib/auth/caller";
import { getDb } from "@/lib/db";
import { createLot } from "@/lib/events/register-lot";

/** POST { gtin, lotCode, quantity, unit }: register a lot. 202 with its id and where its write stands. */
export async function POST(request: Request) {
  return respond("POST /api/lots", 202, async () => {
    const member = await authenticateRequest(request, { scope: "RECORD" });
    const db = getDb();
    const { lotId, writeId } = await createLot({ db, member, input: await readJson(request) });
    return { writeId, lotId, status: "PENDING" };
  });
}
