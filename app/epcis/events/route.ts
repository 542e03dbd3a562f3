import { authenticateRequest } from "@/lib/auth/caller";
import { getDb } from "@/lib/db";
import {
  CAPTURE_MEDIA_TYPES,
  captureEvent,
  readCaptureRequest,
  respondCapture,
} from "@/lib/epcis-capture";
import { epcisRoute, queryEpcisEvents } from "@/lib/epcis-query";

/** GET: the events the standard query parameters find and the caller may see (EPCISQueryDocument, Link rel="next"). */
export const GET = epcisRoute("GET /epcis/events", async ({ db, member, url }) =>
  queryEpcisEvents({ db, member, url }),
);

/**
 * POST one EPCIS event (with its @context): 201 with the event as stored and `Location` of it; 409
 * when LotLedger holds it already, unless it is an error declaration, which corrects it.
 */
export async function POST(request: Request) {
  return respondCapture("POST /epcis/events", async () => {
    const member = await authenticateRequest(request, {
      scope: "RECORD",
      accepts: CAPTURE_MEDIA_TYPES,
    });
    const { eventId, job } = await captureEvent(getDb(), member, await readCaptureRequest(request));
    return {
      status: 201,
      body: job,
      headers: {
        Location: `/epcis/events/${encodeURIComponent(eventId)}`,
        "Content-Location": `/epcis/capture/${job.captureID}`,
      },
    };
  });
}
