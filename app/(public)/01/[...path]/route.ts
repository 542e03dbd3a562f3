import { respondDigitalLink } from "@/lib/provenance";

// The GS1 Digital Link resolver inside Next. `npm start` answers these paths before Next's router
// (workers/web.ts) with the same answer from the same code; this route serves them under `next dev`
// or a plain `next start`.
export function GET(request: Request): Promise<Response> {
  return respondDigitalLink(request);
}
