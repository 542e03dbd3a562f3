import { epcisRoute, queryEpcisEvents } from "@/lib/epcis-query";

/** GET: the events the standard query parameters find and the caller may see (EPCISQueryDocument, Link rel="next"). */
export const GET = epcisRoute("GET /epcis/events", async ({ db, member, url }) =>
  queryEpcisEvents({ db, member, url }),
);
