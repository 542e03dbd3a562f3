// The EPCIS query interface of the repository (GS1's REST bindings): events by the standard query
// parameters under the caller's visibility, the top-level listings, named queries and their
// webhook subscriptions, and a lot's trail as one EPCISDocument.

export { deliverDueSubscriptions } from "./deliver-subscriptions";
export { epcisRoute, listingRoute } from "./epcis-route";
export { type Listing, listEpcisValues } from "./listings";
export {
  createNamedQuery,
  deleteNamedQuery,
  getNamedQuery,
  listNamedQueries,
} from "./named-queries";
export { getEpcisEvent, queryEpcisEvents } from "./query-events";
export { EVENT_TYPES, readPerPage } from "./query-params";
export { createSubscription, deleteSubscription, listSubscriptions } from "./subscriptions";
export { exportLotTrail } from "./trail-document";
