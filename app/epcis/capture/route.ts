import { authenticateRequest } from "@/lib/auth/caller";
import { getDb } from "@/lib/db";
import {
  CAPTURE_DISCOVERY_HEADERS,
  CAPTURE_MEDIA_TYPES,
  captureDocument,
  captureJobAnswer,
  listCaptureJobs,
  readCaptureRequest,
  respondCapture,
} from "@/lib/epcis-capture";

/**
 * POST an EPCISDocument (application/ld+json or application/json; GS1-Capture-Error-Behaviour
 * rollback | proceed): 201/200 with the capture job's outcome for a small document, 202 for a large
 * one; `Location` names the job either way (docs/epcis.md#capture).
 */
export async function POST(request: Request) {
  return respondCapture("POST /epcis/capture", async () => {
    const member = await authenticateRequest(request, {
      scope: "RECORD",
      accepts: CAPTURE_MEDIA_TYPES,
    });
    const { status, job } = await captureDocument(
      getDb(),
      member,
      await readCaptureRequest(request),
    );
    return { status, body: job, headers: { Location: `/epcis/capture/${job.captureID}` } };
  });
}

/** The caller's organisation's latest capture jobs, newest first (each without its events). */
export async function GET(request: Request) {
  return respondCapture("GET /epcis/capture", async () => {
    const member = await authenticateRequest(request, { scope: "RECORD" });
    const jobs = await listCaptureJobs(getDb(), member);
    return { status: 200, body: jobs.map((job) => captureJobAnswer(job, false)) };
  });
}

/** Capture endpoint discovery: the versions and the capture limits. */
export function OPTIONS() {
  return new Response(null, { status: 204, headers: CAPTURE_DISCOVERY_HEADERS });
}
