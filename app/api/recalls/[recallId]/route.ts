import { respond } from "@/lib/api/respond";
import { authenticate } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { getRecall, requireVisibleRecall } from "@/lib/recall";

/** GET: one recall with its ledger state, progress, acknowledgements and scope. */
export async function GET(
  _request: Request,
  { params }: { params: Promise<{ recallId: string }> },
) {
  return respond("GET /api/recalls/[recallId]", 200, async () => {
    const recall = await getRecall({
      db: getDb(),
      member: await authenticate(),
      recallId: (await params).recallId,
    });
    return requireVisibleRecall(recall);
  });
}
