// Small builders of OpenAPI 3.1 operations, so each path of LotLedger's API reads as one line.

export type Operation = Record<string, unknown>;
type Schema = Record<string, unknown>;

const PROBLEM = { $ref: "#/components/schemas/Problem" };
const ERROR = { $ref: "#/components/schemas/Error" };

/** The path parameters of an OpenAPI path (`{lotId}`), all strings. */
function pathParameters(path: string) {
  return [...path.matchAll(/\{([^}]+)\}/g)].map(([, name]) => ({
    name,
    in: "path",
    required: true,
    schema: { type: "string" },
  }));
}

export function operation(
  path: string,
  summary: string,
  {
    body,
    status = 200,
    answer = { type: "object" },
    media = "application/json",
    query = [],
    isEpcis = path.startsWith("/epcis"),
    isPublic = false,
  }: {
    body?: Schema;
    status?: number;
    answer?: Schema;
    media?: string;
    query?: string[];
    isEpcis?: boolean;
    isPublic?: boolean;
  } = {},
): Operation {
  const failure = isEpcis
    ? { content: { "application/problem+json": { schema: PROBLEM } } }
    : { content: { "application/json": { schema: ERROR } } };
  return {
    summary,
    ...(isPublic ? { security: [] } : {}),
    parameters: [
      ...pathParameters(path),
      ...query.map((name) => ({ name, in: "query", required: false, schema: { type: "string" } })),
    ],
    ...(body
      ? { requestBody: { required: true, content: { "application/json": { schema: body } } } }
      : {}),
    responses: {
      [status]: {
        description: summary,
        ...(status === 204 ? {} : { content: { [media]: { schema: answer } } }),
      },
      "400": { description: "A parameter or field is wrong: one sentence says which.", ...failure },
      "401": { description: "No API key or session.", ...failure },
      "404": { description: "Not found, or not yours to see.", ...failure },
    },
  };
}

/** A JSON object schema with these string fields (`?` marks an optional one). */
export function fields(...names: string[]): Schema {
  return {
    type: "object",
    properties: Object.fromEntries(names.map((n) => [n.replace("?", ""), { type: "string" }])),
    required: names.filter((n) => !n.endsWith("?")),
  };
}
