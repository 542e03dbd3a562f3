import { respondCsv } from "@/lib/api/respond";
import { authenticateRequest } from "@/lib/auth/caller";
import { getDb } from "@/lib/db";
import { exportLot } from "@/lib/recall";

/** GET: the lot's recall scope (CSV), for any signed-in member, as its lot page is. */
export async function GET(request: Request, { params }: { params: Promise<{ lotId: string }> }) {
  return respondCsv("GET /api/recalls/lots/[lotId]/scope.csv", async () => {
    await authenticateRequest(request, { scope: "READ" });
    return exportLot({ db: getDb(), lotId: (await params).lotId, kind: "scope" });
  });
}
