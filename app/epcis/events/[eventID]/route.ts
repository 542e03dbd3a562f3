import { epcisRoute, getEpcisEvent } from "@/lib/epcis-query";

/** GET: one event by its URL-encoded hash ID, if the caller may see it. */
export async function GET(request: Request, { params }: { params: Promise<{ eventID: string }> }) {
  const { eventID } = await params;
  return epcisRoute("GET /epcis/events/[eventID]", async ({ db, member }) => ({
    body: await getEpcisEvent({ db, member, eventId: decodeURIComponent(eventID) }),
  }))(request);
}
