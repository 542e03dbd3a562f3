import { respondCsv } from "@/lib/api/respond";
import { authenticate } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { exportLot } from "@/lib/recall";

/** GET: the lot's recall scope (CSV), for a member who may see the lot (canSeeLot), as its lot page is. */
export async function GET(_request: Request, { params }: { params: Promise<{ lotId: string }> }) {
  return respondCsv("GET /api/recalls/lots/[lotId]/scope.csv", async () => {
    const member = await authenticate();
    return exportLot({ db: getDb(), member, lotId: (await params).lotId, kind: "scope" });
  });
}
