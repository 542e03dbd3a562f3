import { limitPublicRead } from "@/lib/api/public-limit";
import { respondPublicJson } from "@/lib/provenance";

// recall-status: the Digital Link's recall-status answer as JSON (also reached through /01/…?linkType=).
export async function GET(request: Request, { params }: { params: Promise<{ path: string[] }> }) {
  return limitPublicRead(request, async () =>
    respondPublicJson("recall-status", (await params).path),
  );
}
