import type { PreparedAnswer } from "./read-model";

/** A prepared answer as a route handler's Response (Next compresses it itself). */
export function toResponse(answer: PreparedAnswer, request: Request): Response {
  if (answer.status === 200 && request.headers.get("if-none-match") === answer.headers.etag) {
    return new Response(null, { status: 304, headers: answer.headers });
  }
  return new Response(new Uint8Array(answer.body), {
    status: answer.status,
    headers: answer.headers,
  });
}
