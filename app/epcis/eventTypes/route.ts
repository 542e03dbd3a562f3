import { EPCIS_DOCUMENT_CONTEXT } from "@/lib/epcis/standard-event";
import { EVENT_TYPES, epcisRoute } from "@/lib/epcis-query";

/** GET: the event types LotLedger stores and answers queries on (the five standard ones). */
export const GET = epcisRoute("GET /epcis/eventTypes", async () => ({
  body: { "@context": EPCIS_DOCUMENT_CONTEXT, type: "Collection", member: EVENT_TYPES },
}));
