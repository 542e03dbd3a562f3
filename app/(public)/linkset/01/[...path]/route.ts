import { limitPublicRead } from "@/lib/api/public-limit";
import { respondPublicJson } from "@/lib/provenance";

// linkset: the Digital Link's linkset answer as JSON (also reached through /01/…?linkType=).
export async function GET(request: Request, { params }: { params: Promise<{ path: string[] }> }) {
  return limitPublicRead(request, async () => respondPublicJson("linkset", (await params).path));
}
