import "server-only";
import { AppError, toFailure } from "@/lib/errors";

// How /epcis routes answer: JSON with the bindings' version headers, and refusals as RFC 7807
// problem+json with the bindings' exception types, `detail` carrying LotLedger's one sentence.

export const EPCIS_HEADERS = { "GS1-EPCIS-Version": "2.0.0", "GS1-CBV-Version": "2.0.0" };

const PROBLEM: Record<number, { type: string; title: string }> = {
  400: { type: "epcisException:QueryParameterException", title: "Invalid query parameter" },
  401: { type: "epcisException:SecurityException", title: "Not signed in" },
  403: { type: "epcisException:SecurityException", title: "Not allowed" },
  404: { type: "epcisException:NoSuchNameException", title: "Resource not found" },
  409: { type: "epcisException:ResourceAlreadyExistsException", title: "Already exists" },
  415: { type: "epcisException:UnsupportedMediaType", title: "Unsupported media type" },
  429: { type: "epcisException:ImplementationException", title: "Too many requests" },
};

export function problemOf(error: unknown, context: string): Response {
  const failure = toFailure(error, context);
  const status = error instanceof AppError ? error.httpStatus : 500;
  const problem = PROBLEM[status] ?? {
    type: "epcisException:ImplementationException",
    title: "Implementation exception",
  };
  return Response.json(
    { ...problem, status, detail: failure.message },
    { status, headers: { "content-type": "application/problem+json", ...EPCIS_HEADERS } },
  );
}

/** Runs an /epcis route's work: its JSON body (and extra headers), or the problem of its failure. */
export async function respondEpcis(
  context: string,
  work: () => Promise<{ body: unknown; status?: number; headers?: Record<string, string> }>,
): Promise<Response> {
  try {
    const { body, status = 200, headers } = await work();
    if (status === 204)
      return new Response(null, { status, headers: { ...EPCIS_HEADERS, ...headers } });
    return Response.json(body, { status, headers: { ...EPCIS_HEADERS, ...headers } });
  } catch (error) {
    return problemOf(error, context);
  }
}
