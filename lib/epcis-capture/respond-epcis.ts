import "server-only";
import { respondFailure } from "@/lib/api/respond";
import { AppError } from "@/lib/errors";
import { CAPTURE_DISCOVERY_HEADERS, EPCIS_VERSION_HEADERS } from "./limits";

export type EpcisReply = { status: number; body: unknown; headers?: Record<string, string> };

/**
 * Answers an /epcis route as the REST bindings ask: the EPCIS and CBV versions on every answer; a
 * refusal as its sentence with the field it is about (a JSON pointer) and, for 413, the limits.
 */
export async function respondEpcis(
  context: string,
  work: () => Promise<EpcisReply>,
): Promise<Response> {
  try {
    const { status, body, headers } = await work();
    return Response.json(body, { status, headers: { ...EPCIS_VERSION_HEADERS, ...headers } });
  } catch (error) {
    if (!(error instanceof AppError)) return respondFailure(error, context);
    const limits = error.code === "PAYLOAD_TOO_LARGE" ? CAPTURE_DISCOVERY_HEADERS : {};
    return Response.json(
      {
        error: error.message,
        code: error.code,
        ...(error.field !== undefined ? { field: error.field } : {}),
      },
      { status: error.httpStatus, headers: { ...EPCIS_VERSION_HEADERS, ...limits } },
    );
  }
}
