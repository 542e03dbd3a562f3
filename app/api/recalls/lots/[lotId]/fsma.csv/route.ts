import { respondCsv } from "@/lib/api/respond";
import { authenticateRequest } from "@/lib/auth/caller";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { exportLot } from "@/lib/recall";

/** GET: the lot's full trace as the FDA FSMA 204 sortable spreadsheet (CSV), for a member who may see the lot (canSeeLot), as its lot page is. */
export async function GET(request: Request, { params }: { params: Promise<{ lotId: string }> }) {
  return respondCsv("GET /api/recalls/lots/[lotId]/fsma.csv", async () => {
    const member = await authenticateRequest(request, { scope: "READ" });
    return exportLot({
      db: getDb(),
      member,
      lotId: (await params).lotId,
      kind: "fsma",
      appUrl: getEnv().APP_URL,
    });
  });
}
