import { listingRoute } from "@/lib/epcis-query";

/** GET: the distinct bizLocations of the events the caller may see, a page at a time. */
export const GET = listingRoute("bizLocations");
