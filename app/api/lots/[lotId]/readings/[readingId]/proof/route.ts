import { respond } from "@/lib/api/respond";
import { authenticateRequest } from "@/lib/auth/caller";
import { getReadingProof } from "@/lib/cold-chain";
import { getDb } from "@/lib/db";

/** GET: one reading's Merkle proof up to the root its batch anchored on the chain. */
export async function GET(
  request: Request,
  { params }: { params: Promise<{ lotId: string; readingId: string }> },
) {
  return respond("GET /api/lots/[lotId]/readings/[readingId]/proof", 200, async () => {
    const member = await authenticateRequest(request, { scope: "READ" });
    const { lotId, readingId } = await params;
    return getReadingProof({ db: getDb(), member, lotId, readingId });
  });
}
