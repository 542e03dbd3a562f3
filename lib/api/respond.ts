import "server-only";
import { AppError, toFailure } from "@/lib/errors";

/**
 * Runs a route handler's work and answers JSON: the result with `status`, an AppError with its HTTP
 * status and sentence, anything else as a 500 with an error id (logged with its context).
 */
export async function respond<T>(
  context: string,
  status: number,
  work: () => Promise<T>,
): Promise<Response> {
  try {
    return Response.json(await work(), { status });
  } catch (error) {
    const failure = toFailure(error, context);
    const httpStatus = error instanceof AppError ? error.httpStatus : 500;
    return Response.json({ error: failure.message, code: failure.code }, { status: httpStatus });
  }
}

/** The request's JSON body, or a 400 that says so. */
export async function readJson(request: Request): Promise<unknown> {
  try {
    return await request.json();
  } catch {
    throw new AppError("INVALID_INPUT", "The request body must be JSON.");
  }
}

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
