import { getEnv } from "@/lib/env";
import { openApiDocument } from "@/lib/openapi/document";

/** GET: the OpenAPI 3.1 document of LotLedger's API (no login: it describes, it shows no data). */
export function GET() {
  return Response.json(openApiDocument(getEnv().APP_URL), {
    headers: { "cache-control": "public, max-age=300" },
  });
}
