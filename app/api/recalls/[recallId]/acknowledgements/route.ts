import { respond } from "@/lib/api/respond";
import { authenticateRequest } from "@/lib/auth/caller";
import { getDb } from "@/lib/db";
import { acknowledgeRecall } from "@/lib/recall";

/** POST: the caller's organisation acknowledges the recall. 201 with when, and the recall's progress. */
export async function POST(
  request: Request,
  { params }: { params: Promise<{ recallId: string }> },
) {
  return respond("POST /api/recalls/[recallId]/acknowledgements", 201, async () =>
    acknowledgeRecall({
      db: getDb(),
      member: await authenticateRequest(request, { scope: "RECALL" }),
      recallId: (await params).recallId,
    }),
  );
}
