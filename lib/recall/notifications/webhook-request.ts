import "server-only";
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import type { ResolvedAddress } from "./webhook-address";

const TIMEOUT_MS = 10_000;

/**
 * POSTs `body` to `url`, connecting to `pinned` whatever DNS says by then (TLS still checks the
 * certificate against the URL's host name), on a connection of its own (no pooled socket to some
 * other address). Resolves with the answer's status; the answer's body is not read.
 */
export function postTo(
  url: URL,
  pinned: ResolvedAddress,
  body: string,
  headers: Record<string, string>,
): Promise<number> {
  const client = url.protocol === "https:" ? https : http;
  const lookup: LookupFunction = (_hostname, options, callback) => {
    if (options.all) callback(null, [pinned]);
    else callback(null, pinned.address, pinned.family);
  };
  return new Promise((resolve, reject) => {
    const request = client.request(
      {
        method: "POST",
        hostname: url.hostname.replace(/^\[|\]$/g, ""),
        port: url.port || undefined,
        path: `${url.pathname}${url.search}`,
        auth: url.username
          ? `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`
          : undefined,
        headers: { ...headers, "content-length": String(Buffer.byteLength(body)) },
        agent: false,
        lookup,
        signal: AbortSignal.timeout(TIMEOUT_MS),
      },
      (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      },
    );
    request.on("error", (error: Error & { code?: string }) =>
      reject(new Error(error.name === "AbortError" ? "no answer within 10 s" : error.message)),
    );
    request.end(body);
  });
}
