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
  const key = answerKey(request.pathAndQuery, request.accept);
  if (key === null) return answerDigitalLink(request).then(prepare);
  return request.readModel.answers.get(key, async () => {
    const answer = await answerDigitalLink(request);
    return { value: prepare(answer), dependsOn: answer.dependsOn };
  });
}

/**
 * The cache key: the path, the link type asked for, and the two Accept types that change the answer.
 * Nothing else in a query changes an answer, so a query with anything else (null) is answered
 * without the cache: a visitor varying it can neither flush the cache's answers nor fill it.
 */
function answerKey(pathAndQuery: string, accept: string): string | null {
  const at = pathAndQuery.indexOf("?");
  const query = new URLSearchParams(at === -1 ? "" : pathAndQuery.slice(at + 1));
  const linkTypes = query.getAll("linkType");
  if ([...query.keys()].length !== linkTypes.length || linkTypes.length > 1) return null;
  const linkset = accept.includes("application/linkset+json") ? "L" : "";
  const json = accept.includes("application/json") ? "J" : "";
  const path = at === -1 ? pathAndQuery : pathAndQuery.slice(0, at);
  return `${linkset}${json}|${path}|${linkTypes[0] ?? ""}`;
}

/** The cached answer to a Digital Link request, if there is one: what the resolver writes at once. */
export function peekDigitalLinkAnswer(
  readModel: ProvenanceReadModel,
  pathAndQuery: string,
  accept: string,
): PreparedAnswer | undefined {
  const key = answerKey(pathAndQuery, accept);
  return key === null ? undefined : readModel.answers.peek(key);
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
  const cached = peekDigitalLinkAnswer(context.readModel, pathAndQuery, accept);
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
