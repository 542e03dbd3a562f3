import { respond } from "@/lib/api/respond";
import { authenticateRequest } from "@/lib/auth/caller";
import { getReadingProof } from "@/lib/cold-chain";
import { getDb } from "@/lib/db";

/** GET: one temperature reading's Merkle proof up to the root its batch anchored on the chain. */
export async function GET(
  request: Request,
  { params }: { params: Promise<{ readingId: string }> },
) {
  return respond("GET /api/readings/[readingId]/proof", 200, async () => {
    const member = await authenticateRequest(request, { scope: "READ" });
    return getReadingProof({ db: getDb(), member, readingId: (await params).readingId });
  });
}
