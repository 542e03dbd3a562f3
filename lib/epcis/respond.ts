import { AppError, toFailure } from "@/lib/errors";

// How every /epcis route answers (EPCIS 2.0 REST bindings): JSON with the versions LotLedger speaks,
// refusals as RFC 7807 problem+json with the bindings' exception types, `detail` carrying LotLedger's
// one sentence and `field` the JSON pointer it is about.

/** The EPCIS and CBV versions LotLedger speaks, on every answer of the interface. */
export const EPCIS_VERSION_HEADERS = {
  "GS1-EPCIS-Version": "2.0.1",
  "GS1-EPCIS-Min": "2.0.0",
  "GS1-EPCIS-Max": "2.0.1",
  "GS1-CBV-Version": "2.0.0",
  "GS1-CBV-Min": "2.0.0",
  "GS1-CBV-Max": "2.0.0",
} as const;

export type EpcisProblems = Partial<Record<number, { type: string; title: string }>>;

const PROBLEMS: EpcisProblems = {
  400: { type: "epcisException:QueryParameterException", title: "Invalid query parameter" },
  401: { type: "epcisException:SecurityException", title: "Not signed in" },
  403: { type: "epcisException:SecurityException", title: "Not allowed" },
  404: { type: "epcisException:NoSuchNameException", title: "Resource not found" },
  409: { type: "epcisException:ResourceAlreadyExistsException", title: "Already exists" },
  415: { type: "epcisException:UnsupportedMediaType", title: "Unsupported media type" },
  429: { type: "epcisException:ImplementationException", title: "Too many requests" },
};

const IMPLEMENTATION = {
  type: "epcisException:ImplementationException",
  title: "Implementation exception",
};

/** How a route family names its own refusals (capture: ValidationException, with its limits). */
export type ProblemOptions = {
  problems?: EpcisProblems;
  headersOf?: (error: AppError) => Record<string, string>;
};

export function problemOf(error: unknown, context: string, options: ProblemOptions = {}): Response {
  const failure = toFailure(error, context);
  const known = error instanceof AppError ? error : null;
  const status = known ? known.httpStatus : 500;
  const problem = options.problems?.[status] ?? PROBLEMS[status] ?? IMPLEMENTATION;
  const field = known?.field !== undefined ? { field: known.field } : {};
  const headers = known && options.headersOf ? options.headersOf(known) : {};
  return Response.json(
    { ...problem, status, detail: failure.message, ...field },
    {
      status,
      headers: {
        "content-type": "application/problem+json",
        ...EPCIS_VERSION_HEADERS,
        ...headers,
      },
    },
  );
}

export type EpcisReply = { body: unknown; status?: number; headers?: Record<string, string> };

/** Runs an /epcis route's work: its JSON body (and extra headers), or the problem of its failure. */
export async function respondEpcis(
  context: string,
  work: () => Promise<EpcisReply>,
  options: ProblemOptions = {},
): Promise<Response> {
  try {
    const { body, status = 200, headers } = await work();
    const all = { ...EPCIS_VERSION_HEADERS, ...headers };
    if (status === 204) return new Response(null, { status, headers: all });
    return Response.json(body, { status, headers: all });
  } catch (error) {
    return problemOf(error, context, options);
  }
}
