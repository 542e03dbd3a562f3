import { respond } from "@/lib/api/respond";
import { authenticate } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { acknowledgeRecall } from "@/lib/recall";

/** POST: the caller's organisation acknowledges the recall. 201 with when, and the recall's progress. */
export async function POST(
  _request: Request,
  { params }: { params: Promise<{ recallId: string }> },
) {
  return respond("POST /api/recalls/[recallId]/acknowledgements", 201, async () =>
    acknowledgeRecall({
      db: getDb(),
      member: await authenticate(),
      recallId: (await params).recallId,
    }),
  );
}
