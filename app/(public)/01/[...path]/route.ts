import { getEnv } from "@/lib/env";
import { toResponse } from "@/lib/provenance/answer-response";
import { answerDigitalLinkCached } from "@/lib/provenance/prepared-answer";
import { getProvenanceReadModel } from "@/lib/provenance/read-model";

// The GS1 Digital Link resolver inside Next. `npm start` answers these paths before Next's router
// (workers/web.ts) with the same answer from the same code; this route serves them under `next dev`
// or a plain `next start`.
export async function GET(request: Request) {
  const url = new URL(request.url);
  const answer = await answerDigitalLinkCached({
    readModel: getProvenanceReadModel(),
    appUrl: getEnv().APP_URL,
    pathAndQuery: `${url.pathname}${url.search}`,
    accept: request.headers.get("accept") ?? "",
  });
  return toResponse(answer, request);
}
