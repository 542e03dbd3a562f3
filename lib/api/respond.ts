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
    return respondFailure(error, context);
  }
}

/** The JSON answer to a failure: an AppError's status and sentence, else a logged 500 with an id. */
export function respondFailure(error: unknown, context: string): Response {
  const failure = toFailure(error, context);
  const httpStatus = error instanceof AppError ? error.httpStatus : 500;
  const headers =
    error instanceof AppError && error.retryAfterSeconds
      ? { "retry-after": String(error.retryAfterSeconds) }
      : undefined;
  return Response.json(
    { error: failure.message, code: failure.code },
    { status: httpStatus, headers },
  );
}

/**
 * Answers a CSV download (UTF-8 with a BOM, so that spreadsheet programs read accents right), or the
 * JSON error `respond` gives for an AppError or a failure.
 */
export async function respondCsv(
  context: string,
  work: () => Promise<{ filename: string; csv: string }>,
): Promise<Response> {
  try {
    const file = await work();
    return new Response(`\uFEFF${file.csv}`, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${file.filename}"`,
        "cache-control": "no-store",
      },
    });
  } catch (error) {
    return respondFailure(error, context);
  }
}

/** Answers an .xlsx download, or the JSON error `respond` gives for an AppError or a failure. */
export async function respondXlsx(
  context: string,
  work: () => Promise<{ filename: string; workbook: Buffer }>,
): Promise<Response> {
  try {
    const file = await work();
    return new Response(new Uint8Array(file.workbook), {
      headers: {
        "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "content-disposition": `attachment; filename="${file.filename}"`,
        "cache-control": "no-store",
      },
    });
  } catch (error) {
    return respondFailure(error, context);
  }
}
