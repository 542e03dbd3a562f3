import "server-only";
import { problemOf } from "@/lib/epcis-query/respond-epcis";
import { AppError } from "@/lib/errors";
import { CAPTURE_DISCOVERY_HEADERS, EPCIS_VERSION_HEADERS } from "./limits";

export type EpcisReply = { status: number; body: unknown; headers?: Record<string, string> };

// The capture's own refusals, as the REST bindings name them; the others as every /epcis route
// answers them (lib/epcis-query's problemOf).
const CAPTURE_PROBLEMS: Partial<Record<number, { type: string; title: string }>> = {
  400: { type: "epcisException:ValidationException", title: "EPCIS document or event invalid" },
  413: { type: "epcisException:CaptureLimitExceededException", title: "Capture payload too large" },
};

/**
 * Answers a capture route as the REST bindings ask: the EPCIS and CBV versions on every answer; a
 * refusal as an RFC 7807 problem whose `detail` is LotLedger's sentence, with the `field` it is
 * about (a JSON pointer) and, for 413, the capture limits.
 */
export async function respondEpcis(
  context: string,
  work: () => Promise<EpcisReply>,
): Promise<Response> {
  try {
    const { status, body, headers } = await work();
    return Response.json(body, { status, headers: { ...EPCIS_VERSION_HEADERS, ...headers } });
  } catch (error) {
    const problem = error instanceof AppError ? CAPTURE_PROBLEMS[error.httpStatus] : undefined;
    if (!(error instanceof AppError) || !problem) return problemOf(error, context);
    const limits = error.code === "PAYLOAD_TOO_LARGE" ? CAPTURE_DISCOVERY_HEADERS : {};
    return Response.json(
      {
        ...problem,
        status: error.httpStatus,
        detail: error.message,
        ...(error.field !== undefined ? { field: error.field } : {}),
      },
      {
        status: error.httpStatus,
        headers: {
          "content-type": "application/problem+json",
          ...EPCIS_VERSION_HEADERS,
          ...limits,
        },
      },
    );
  }
}
