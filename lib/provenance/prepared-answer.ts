import "server-only";
import { createHash } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { gzipSync } from "node:zlib";
import { getEnv } from "@/lib/env";
import {
  getProvenanceReadModel,
  type PreparedAnswer,
  type ProvenanceReadModel,
} from "./read-model";
import { answerDigitalLink } from "./resolver-answer";

const GZIP_FROM_BYTES = 1_024;

type Context = { readModel: ProvenanceReadModel; appUrl: string };

/**
 * The resolver's answer to a Digital Link request, from the read model's cache while nothing it
 * depends on has changed: rendered, gzipped and hashed once per change, not once per visit.
 */
export function answerDigitalLinkCached(
  request: Context & { pathAndQuery: string; accept: string },
): Promise<PreparedAnswer> {
  return request.readModel.answers.get(
    answerKey(request.pathAndQuery, request.accept),
    async () => {
      const answer = await answerDigitalLink(request);
      return { value: prepare(answer), dependsOn: answer.dependsOn };
    },
  );
}

/** The cache key: the path and query, and the two Accept types that change the answer. */
export function answerKey(pathAndQuery: string, accept: string): string {
  const linkset = accept.includes("application/linkset+json") ? "L" : "";
  const json = accept.includes("application/json") ? "J" : "";
  return `${linkset}${json}|${pathAndQuery}`;
}

function prepare(answer: { status: number; headers: Record<string, string>; body: string }) {
  const body = Buffer.from(answer.body);
  const etag = `"${createHash("sha256").update(body).digest("base64url").slice(0, 22)}"`;
  return {
    status: answer.status,
    // no-cache: a browser may keep the page but asks every time (a 304 when unchanged), so a recall
    // shows on the next visit.
    headers: {
      ...answer.headers,
      etag,
      "cache-control": "no-cache",
      vary: "accept, accept-encoding",
    },
    body,
    gzip: body.length >= GZIP_FROM_BYTES ? gzipSync(body) : null,
  };
}

/**
 * A Digital Link request (GET /01/…) in a Next route handler, as a Response (Next compresses it
 * itself). `npm start` answers the same paths before Next's router, with serveDigitalLink.
 */
export async function respondDigitalLink(request: Request): Promise<Response> {
  const url = new URL(request.url);
  const answer = await answerDigitalLinkCached({
    readModel: getProvenanceReadModel(),
    appUrl: getEnv().APP_URL,
    pathAndQuery: `${url.pathname}${url.search}`,
    accept: request.headers.get("accept") ?? "",
  });
  if (answer.status === 200 && request.headers.get("if-none-match") === answer.headers.etag) {
    return new Response(null, { status: 304, headers: answer.headers });
  }
  return new Response(new Uint8Array(answer.body), {
    status: answer.status,
    headers: answer.headers,
  });
}

/**
 * Answers a Digital Link request (GET or HEAD /01/…) on Node's own request and response, before
 * Next's router: a cached answer is written without a single await. Same answers as the route
 * handler in app/(public)/01, from the same code.
 */
export function serveDigitalLink(
  request: IncomingMessage,
  response: ServerResponse,
  context: Context,
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
