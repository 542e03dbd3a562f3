import { respondCsv } from "@/lib/api/respond";
import { authenticateRequest } from "@/lib/auth/caller";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { exportRecall } from "@/lib/recall";

/** GET: the recalled lot's full trace as the FDA FSMA 204 sortable spreadsheet (CSV), for those who may see the recall. */
export async function GET(request: Request, { params }: { params: Promise<{ recallId: string }> }) {
  return respondCsv("GET /api/recalls/[recallId]/fsma.csv", async () =>
    exportRecall({
      db: getDb(),
      member: await authenticateRequest(request, { scope: "READ" }),
      recallId: (await params).recallId,
      kind: "fsma",
      appUrl: getEnv().APP_URL,
    }),
  );
}
