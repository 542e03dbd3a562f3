// The web process (`npm start` runs it, as `next start` would be): Next.js, with LotLedger's GS1
// Digital Link resolver answering GET /01/… in front of Next's router. The resolver is the one page a
// phone camera opens, so it skips the ~1 ms of routing Next spends on every request (measured with
// `npm run bench:provenance`): a cached answer is written straight from memory.
import { createServer } from "node:http";
import { parseArgs } from "node:util";
import next from "next";
import { ConfigError, getEnv } from "@/lib/env";
import { getProvenanceReadModel, serveDigitalLink } from "@/lib/provenance";

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

const server = createServer((request, response) => {
  const isRead = request.method === "GET" || request.method === "HEAD";
  if (isRead && request.url?.startsWith("/01/")) serveDigitalLink(request, response, resolver);
  else void handle(request, response);
});
server.listen(port, () => console.log(`✓ Ready on http://localhost:${port}`));
// As `next start` does: nothing to flush, so stop at once rather than wait on keep-alive connections.
for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => process.exit(0));
