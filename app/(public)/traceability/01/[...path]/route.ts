import { limitPublicRead } from "@/lib/api/public-limit";
import { respondPublicJson } from "@/lib/provenance";

// traceability: the Digital Link's traceability answer as JSON (also reached through /01/…?linkType=).
export async function GET(request: Request, { params }: { params: Promise<{ path: string[] }> }) {
  return limitPublicRead(request, async () =>
    respondPublicJson("traceability", (await params).path),
  );
}
