// lib/logistic-units, the one door to logistic units (pallets named by their SSCC): building one
// from held lots and taking it apart (LotTracker.packUnit / unpackUnit, EPCIS AggregationEvent),
// what a unit holds and where it is, the pallets an organisation built or holds, and its label.
import "server-only";

export { buildUnit, MAX_LOTS_PER_UNIT } from "./build-unit";
export { countWords } from "./count-words";
export { findPackableLots, type PackableLot } from "./find-packable-lots";
export { getUnit, type UnitView } from "./get-unit";
export { listUnits, type UnitListItem } from "./list-units";
export { ssccOfWrite } from "./unit-write";
export { unpackUnit } from "./unpack-unit";
