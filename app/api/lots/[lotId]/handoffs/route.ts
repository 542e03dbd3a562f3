import { readJson } from "@/lib/api/body";
import { respond } from "@/lib/api/respond";
import { authenticateRequest } from "@/lib/auth/caller";
import { getDb } from "@/lib/db";
import { handOffLot } from "@/lib/events/shipping";

/** POST { recipientGln }: ship a lot the caller's organisation holds. 202 with the ledger write's id. */
export async function POST(request: Request, { params }: { params: Promise<{ lotId: string }> }) {
  return respond("POST /api/lots/[lotId]/handoffs", 202, async () => {
    const member = await authenticateRequest(request, { scope: "RECORD" });
    const { lotId } = await params;
    return handOffLot({ db: getDb(), member, lotId, input: await readJson(request) });
  });
}
