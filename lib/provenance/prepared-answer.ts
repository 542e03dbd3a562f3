import "server-only";
import { createHash } from "node:crypto";
import { gzipSync } from "node:zlib";
import type { PreparedAnswer, ProvenanceReadModel } from "./read-model";
import { answerDigitalLink } from "./resolver-answer";

const GZIP_FROM_BYTES = 1_024;

/**
 * The resolver's answer to a Digital Link request, from the read model's cache while nothing it
 * depends on has changed: rendered, gzipped and hashed once per change, not once per visit.
 */
export function answerDigitalLinkCached(request: {
  readModel: ProvenanceReadModel;
  appUrl: string;
  pathAndQuery: string;
  accept: string;
}): Promise<PreparedAnswer> {
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
