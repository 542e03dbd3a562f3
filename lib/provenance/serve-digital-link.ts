import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import { answerDigitalLinkCached, answerKey } from "./prepared-answer";
import type { PreparedAnswer, ProvenanceReadModel } from "./read-model";

/**
 * Answers a Digital Link request (GET or HEAD /01/…) on Node's own request and response, before
 * Next's router: a cached answer is written without a single await. Same answers as the route
 * handler in app/(public)/01, from the same code.
 */
export function serveDigitalLink(
  request: IncomingMessage,
  response: ServerResponse,
  context: { readModel: ProvenanceReadModel; appUrl: string },
): void {
  const pathAndQuery = request.url ?? "/";
  const accept = request.headers.accept ?? "";
  const cached = context.readModel.answers.peek(answerKey(pathAndQuery, accept));
  if (cached) {
    writeAnswer(request, response, cached);
    return;
  }
  answerDigitalLinkCached({ ...context, pathAndQuery, accept }).then(
    (answer) => writeAnswer(request, response, answer),
    (error: unknown) => {
      console.error("[resolver] unexpected error", error);
      response.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
      response.end("Something went wrong on our side. Try again in a moment.");
    },
  );
}

function writeAnswer(request: IncomingMessage, response: ServerResponse, answer: PreparedAnswer) {
  const { headers } = answer;
  if (answer.status === 200 && request.headers["if-none-match"] === headers.etag) {
    response.writeHead(304, headers);
    response.end();
    return;
  }
  const isGzip = answer.gzip !== null && /\bgzip\b/.test(request.headers["accept-encoding"] ?? "");
  const body = isGzip ? (answer.gzip as Buffer) : answer.body;
  response.writeHead(answer.status, {
    ...headers,
    "content-length": body.length,
    ...(isGzip ? { "content-encoding": "gzip" } : {}),
  });
  response.end(request.method === "HEAD" ? undefined : body);
}
