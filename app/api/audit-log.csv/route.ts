import { respondCsv } from "@/lib/api/respond";
import { auditFilterInput, exportAuditLog } from "@/lib/audit";
import { authenticateRequest } from "@/lib/auth/caller";
import { getDb } from "@/lib/db";

/** GET: the audit log as the page filters it (same query string), for admins and regulators. */
export async function GET(request: Request) {
  return respondCsv("GET /api/audit-log.csv", async () =>
    exportAuditLog({
      db: getDb(),
      viewer: await authenticateRequest(request, { scope: "READ" }),
      filter: auditFilterInput.parse(Object.fromEntries(new URL(request.url).searchParams)),
    }),
  );
}
