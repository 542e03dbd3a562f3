import type { Place } from "@/lib/organizations";
import type { FsmaRecord } from "./fsma-record";
import { locationDescription } from "./location-description";

// One row of the FDA FSMA 204 sortable spreadsheet as CSV: a critical tracking event of one lot with
// its key data elements, each place in one cell.

export const FSMA_COLUMNS = [
  ["tlc", "Traceability lot code (TLC)"],
  ["lotCode", "Lot code"],
  ["gtin", "GTIN"],
  ["productDescription", "Product description"],
  ["commodityVariety", "Commodity and variety"],
  ["cte", "Critical tracking event"],
  ["eventDate", "Event date"],
  ["eventTime", "Event time"],
  ["quantity", "Quantity"],
  ["unit", "Unit of measure"],
  ["location", "Location description"],
  ["locationGln", "Location GLN"],
  ["tlcSource", "TLC source location"],
  ["tlcSourceGln", "TLC source GLN"],
  ["tlcSourceReference", "TLC source reference"],
  ["previousSource", "Immediate previous source (other than a transporter)"],
  ["subsequentRecipient", "Immediate subsequent recipient (other than a transporter)"],
  ["transporter", "Transporter"],
  ["inputs", "Input TLCs (transformation)"],
  ["quantityReceived", "Quantity received (initial packing)"],
  ["receiveDate", "Receive date (initial packing)"],
  ["harvestFarm", "Farm where harvested"],
  ["fieldName", "Field or growing area"],
  ["harvester", "Harvester business name and phone"],
  ["harvestDate", "Harvest date"],
  ["catchLocations", "Harvest locations of the trip (first land-based receiving)"],
  ["coolingLocation", "Cooling location (initial packing)"],
  ["coolingDate", "Cooling date (initial packing)"],
  ["documentType", "Reference document type"],
  ["documentNumber", "Reference document number"],
  ["recordedBy", "Recorded by"],
  ["generation", "Generation from the traced lot"],
  ["txHash", "Transaction hash"],
  ["blockNumber", "Block"],
  ["verified", "Verified on the ledger"],
  ["lotId", "Lot id"],
] as const;

export type FsmaRow = Record<(typeof FSMA_COLUMNS)[number][0], string | number>;

const joined = (...parts: string[]) => parts.filter((part) => part !== "").join(" ");
const place = (value: Place | null) => locationDescription(value);

export function fsmaRow(record: FsmaRecord): FsmaRow {
  const { event, lot, typed } = record;
  return {
    tlc: lot.isTlc ? lot.tlc : "",
    lotCode: lot.lotCode,
    gtin: lot.gtin,
    productDescription: lot.productDescription,
    commodityVariety: lot.commodityVariety,
    cte: record.cte,
    eventDate: record.when?.slice(0, 10) ?? "",
    eventTime: record.when ?? "",
    quantity: record.quantity,
    unit: record.unit,
    location: place(record.location),
    locationGln: record.locationGln,
    tlcSource: place(record.tlcSource),
    tlcSourceGln: lot.isTlc ? (lot.tlcSourceGln ?? "") : "",
    tlcSourceReference: lot.isTlc ? lot.digitalLink : "",
    previousSource: place(record.previousSource),
    subsequentRecipient: place(record.subsequentRecipient),
    transporter: place(record.transporter),
    inputs: record.inputs
      .map(
        (input) =>
          `${input.lotCode} [${input.gtin}]${input.quantity ? ` ${joined(input.quantity, input.unit)}` : ""}`,
      )
      .join("; "),
    quantityReceived: joined(typed.quantityReceived ?? "", typed.unitReceived ?? ""),
    receiveDate: typed.dateReceived ?? "",
    harvestFarm: typed.harvestLocation || place(record.harvestFarm),
    fieldName: typed.fieldName ?? "",
    harvester: [typed.harvesterBusinessName, typed.harvesterPhone].filter(Boolean).join(", "),
    harvestDate:
      typed.harvestDate ||
      (typed.harvestDateStart ? `${typed.harvestDateStart} to ${typed.harvestDateEnd}` : ""),
    catchLocations: typed.catchLocations ?? "",
    coolingLocation: typed.coolingLocation ?? "",
    coolingDate: typed.coolingDate ?? "",
    documentType: record.document?.type ?? "",
    documentNumber: record.document?.number ?? "",
    recordedBy: record.recordedBy,
    generation: lot.generation,
    txHash: event.txHash,
    blockNumber: event.blockNumber,
    verified: record.verified,
    lotId: event.lotId,
  };
}
