// The web process (`npm start` runs it, as `next start` would be): Next.js, with LotLedger's GS1
// Digital Link resolver answering GET /01/… in front of Next's router. The resolver is the one page a
// phone camera opens, so it skips the ~1 ms of routing Next spends on every request (measured with
// `npm run bench:provenance`): a cached answer is written straight from memory.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { parseArgs } from "node:util";
import next from "next";
import { securityHeaders } from "@/lib/api/security-headers";
import { getPublicDb } from "@/lib/db";
import { ConfigError, getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { getProvenanceReadModel, peekDigitalLinkAnswer, serveDigitalLink } from "@/lib/provenance";
import { clientAddressOfRequest, LIMITS, spendAttempt, stampSocketAddress } from "@/lib/rate-limit";

const { values } = parseArgs({ options: { port: { type: "string", default: "3000" } } });
const port = Number(values.port);
let appUrl: string;
try {
  appUrl = getEnv().APP_URL;
} catch (error) {
  if (error instanceof ConfigError) console.error(error.message);
  process.exit(1);
}
const app = next({ dev: false, dir: process.cwd(), port });
const handle = app.getRequestHandler();
await app.prepare();
const resolver = { readModel: getProvenanceReadModel(), appUrl };
// The same headers as Next's answers get from proxy.ts: the resolver's pages run no script.
const resolverHeaders = securityHeaders({ pathname: "/01/", isHttps: appUrl.startsWith("https:") });

/**
 * A cached answer is written at once, unlimited: it costs no database work, and a shop's shoppers
 * share one address. A miss reads the database, so it counts against the client address's public
 * reads, as the JSON routes do: walking through lot codes or serials stops there.
 */
function serveResolver(request: IncomingMessage, response: ServerResponse): void {
  for (const [name, value] of Object.entries(resolverHeaders)) response.setHeader(name, value);
  const accept = request.headers.accept ?? "";
  if (peekDigitalLinkAnswer(resolver.readModel, request.url ?? "/", accept)) {
    serveDigitalLink(request, response, resolver);
    return;
  }
  spendAttempt(getPublicDb(), LIMITS.publicReads, clientAddressOfRequest(request.headers)).then(
    () => serveDigitalLink(request, response, resolver),
    (error: unknown) => {
      const isLimited = error instanceof AppError;
      if (!isLimited) console.error("[resolver] unexpected error", error);
      response.writeHead(isLimited ? 429 : 500, {
        "content-type": "text/plain; charset=utf-8",
        ...(isLimited ? { "retry-after": String(error.retryAfterSeconds ?? 60) } : {}),
      });
      response.end(isLimited ? error.message : "Something went wrong on our side. Try again.");
    },
  );
}

const server = createServer((request, response) => {
  // Rate limits count this address (or TRUST_PROXY_HEADER's), never a header a client wrote itself.
  stampSocketAddress(request);
  const isRead = request.method === "GET" || request.method === "HEAD";
  if (isRead && request.url?.startsWith("/01/")) serveResolver(request, response);
  else void handle(request, response);
});
server.listen(port, () => console.log(`✓ Ready on http://localhost:${port}`));
// As `next start` does: nothing to flush, so stop at once rather than wait on keep-alive connections.
for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => process.exit(0));
