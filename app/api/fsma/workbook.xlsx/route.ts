import { respondXlsx } from "@/lib/api/respond";
import { authenticateRequest } from "@/lib/auth/caller";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { exportFsmaWorkbook, parseFsmaWorkbookScope } from "@/lib/recall";

/**
 * GET ?tlc=…[&gtin=…] | ?gtin=… | ?from=…&to=…: the FDA FSMA 204 sortable spreadsheet as an .xlsx
 * workbook of what the caller may see (a signed-in member, or an API key with scope READ).
 */
export async function GET(request: Request) {
  return respondXlsx("GET /api/fsma/workbook.xlsx", async () => {
    const member = await authenticateRequest(request, { scope: "READ" });
    return exportFsmaWorkbook({
      db: getDb(),
      member,
      scope: parseFsmaWorkbookScope(new URL(request.url).searchParams),
      appUrl: getEnv().APP_URL,
    });
  });
}
