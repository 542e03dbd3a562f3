// lib/home, the one door to the homes at /home: what each kind of organisation sees first when it
// signs in. It only reads, through the doors of lib/lots, lib/recall and lib/products, and its own
// queries over the read model (tuned for 100,000 lots: bench/lists.ts).
import "server-only";

export { type CarrierHome, getCarrierHome } from "./carrier";
export { findOrganizationNames, type HomeLot } from "./home-lot";
export { getProducerHome, getRetailerHome, type ProducerHome, type RetailerHome } from "./homes";
export {
  findPlaces,
  type OutbreakQuery,
  type OutbreakResult,
  searchOutbreak,
} from "./outbreak";
export { findOpenRecalls, type Hold, type OpenRecall } from "./recalls";
export { type OrganizationHit, type RegulatorSearch, searchEverything } from "./regulator";
export type { Shipment } from "./shipments";
export type { ProductStock } from "./stock";
export { homeTimeZone, startOfDayIn } from "./today";
