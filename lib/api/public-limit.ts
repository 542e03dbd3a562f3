import "server-only";
import { getPublicDb } from "@/lib/db";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { clientAddressOfRequest, LIMITS, spendAttempt } from "@/lib/rate-limit";

/**
 * A public read (the Digital Link JSON answers, label images) counted against its client address:
 * the answer, or 429 with "Too many requests from your address: try again in 1 minute." — readable
 * across origins, as the answers themselves are.
 */
export async function limitPublicRead(
  request: Request,
  answer: () => Promise<Response>,
  db: Db = getPublicDb(),
): Promise<Response> {
  try {
    await spendAttempt(db, LIMITS.publicReads, clientAddressOfRequest(request.headers));
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return Response.json(
      { error: error.message, code: error.code },
      {
        status: error.httpStatus,
        headers: {
          "retry-after": String(error.retryAfterSeconds ?? 60),
          "access-control-allow-origin": "*",
        },
      },
    );
  }
  return answer();
}
