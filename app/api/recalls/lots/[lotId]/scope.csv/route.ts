import { respondCsv } from "@/lib/api/respond";
import { authenticateRequest } from "@/lib/auth/caller";
import { getDb } from "@/lib/db";
import { exportLot } from "@/lib/recall";

/** GET: the lot's recall scope (CSV), for a member who may see the lot (canSeeLot), as its lot page is. */
export async function GET(request: Request, { params }: { params: Promise<{ lotId: string }> }) {
  return respondCsv("GET /api/recalls/lots/[lotId]/scope.csv", async () => {
    const member = await authenticateRequest(request, { scope: "READ" });
    return exportLot({ db: getDb(), member, lotId: (await params).lotId, kind: "scope" });
  });
}
