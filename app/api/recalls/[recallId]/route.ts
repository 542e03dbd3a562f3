import { respond } from "@/lib/api/respond";
import { authenticateRequest } from "@/lib/auth/caller";
import { getDb } from "@/lib/db";
import { getRecall, requireVisibleRecall } from "@/lib/recall";

/** GET: one recall with its ledger state, progress, acknowledgements and scope. */
export async function GET(request: Request, { params }: { params: Promise<{ recallId: string }> }) {
  return respond("GET /api/recalls/[recallId]", 200, async () => {
    const recall = await getRecall({
      db: getDb(),
      member: await authenticateRequest(request, { scope: "READ" }),
      recallId: (await params).recallId,
    });
    return requireVisibleRecall(recall);
  });
}
