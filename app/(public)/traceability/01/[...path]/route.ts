import { respondPublicJson } from "@/lib/provenance";

// traceability: the Digital Link's traceability answer as JSON (also reached through /01/…?linkType=).
export async function GET(_request: Request, { params }: { params: Promise<{ path: string[] }> }) {
  return respondPublicJson("traceability", (await params).path);
}
