import { authenticate } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { findVisibleRecall } from "@/lib/recall/find-visible-recall";
import { exportLot } from "@/lib/recall/lot-exports";
import { requireVisibleRecall } from "@/lib/recall/require-visible-recall";
import { respondCsv } from "@/lib/recall/respond-csv";

/** GET: the recalled lot's scope (CSV), for those who may see the recall. */
export async function GET(
  _request: Request,
  { params }: { params: Promise<{ recallId: string }> },
) {
  return respondCsv("GET /api/recalls/[recallId]/scope.csv", async () => {
    const db = getDb();
    const { recallId } = await params;
    const recall = requireVisibleRecall(
      await findVisibleRecall({ db, member: await authenticate(), recallId }),
    );
    return exportLot({ db, lotId: recall.lotId, kind: "scope" });
  });
}
