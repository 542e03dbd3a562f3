import { authenticateRequest } from "@/lib/auth/caller";
import { getDb } from "@/lib/db";
import { captureJobAnswer, getCaptureJob, respondCapture } from "@/lib/epcis-capture";

/** A capture job of the caller's organisation: running, success, and every event's outcome. */
export async function GET(request: Request, { params }: { params: Promise<{ jobId: string }> }) {
  return respondCapture("GET /epcis/capture/{jobId}", async () => {
    const member = await authenticateRequest(request, { scope: "RECORD" });
    const job = await getCaptureJob(getDb(), member, (await params).jobId);
    return { status: 200, body: captureJobAnswer(job) };
  });
}

export function OPTIONS() {
  return new Response(null, { status: 204, headers: { Allow: "OPTIONS, GET" } });
}
