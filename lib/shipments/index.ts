// Pallets and loose lots shipped in one ledger write, and their receipt (issue 17).
export { findIncomingUnit, type IncomingUnit } from "./find-incoming-unit";
export { getShipment, type ShipmentDetail } from "./get-shipment";
export { listShipments, type ShipmentListItem } from "./list-shipments";
export { NO_SUCH_SHIPMENT } from "./receipt-plan";
export { receiveShipment } from "./receive";
export { shipGoods } from "./ship";
export type { ShipmentLotView } from "./shipment-lots-view";
export { respondToShipmentWrite } from "./write-once";
export { findWriteShipmentReference } from "./write-reference";
