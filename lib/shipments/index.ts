// Pallets and loose lots shipped in one ledger write, and their receipt (issue 17).

export { NO_SUCH_SHIPMENT } from "./receipt-plan";
export { receiveShipment } from "./receive";
export { shipGoods } from "./ship";
export { respondToShipmentWrite } from "./write-once";
export { findWriteShipmentReference } from "./write-reference";
