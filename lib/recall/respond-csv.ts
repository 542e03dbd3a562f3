import "server-only";
import { respond } from "@/lib/api/respond";

/**
 * Answers a CSV download (UTF-8 with a BOM, so that spreadsheet programs read accents right), or the
 * JSON error `respond` gives for an AppError or a failure.
 */
export async function respondCsv(
  context: string,
  work: () => Promise<{ filename: string; csv: string }>,
): Promise<Response> {
  let file: { filename: string; csv: string } | undefined;
  const failure = await respond(context, 200, async () => {
    file = await work();
  });
  if (!file) return failure;
  return new Response(`\uFEFF${file.csv}`, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${file.filename}"`,
      "cache-control": "no-store",
    },
  });
}
