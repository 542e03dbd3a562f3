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
