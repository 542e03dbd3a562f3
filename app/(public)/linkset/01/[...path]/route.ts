import { respondPublicJson } from "@/lib/provenance";

// linkset: the Digital Link's linkset answer as JSON (also reached through /01/…?linkType=).
export async function GET(_request: Request, { params }: { params: Promise<{ path: string[] }> }) {
  return respondPublicJson("linkset", (await params).path);
}
