import { listingRoute } from "@/lib/epcis-query";

/** GET: the distinct readPoints of the events the caller may see, a page at a time. */
export const GET = listingRoute("readPoints");
