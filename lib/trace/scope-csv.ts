import { toCsv } from "./csv";
import type { RecallScope } from "./recall-scope";
import type { Holder } from "./trace";

const HEADER = [
  "Traceability lot code (TLC)",
  "GTIN",
  "Status",
  "Generation from the recalled lot",
  "Stock to find",
  "Quantity",
  "Unit of measure",
  "Custodian",
  "Custodian GLN",
  "Custodian location",
  "In transit to",
  "Packages",
  "Packages removed",
  "Lot id",
];

const holderText = (holder: Holder | null) => holder?.name ?? holder?.address ?? "";
const locationText = (holder: Holder) =>
  holder.location ? `${holder.location.name}, ${holder.location.address}` : "";

/**
 * A recall's scope as CSV, one row per affected lot (the recalled lot first, then by generation):
 * who holds it and where, and whether it is stock to find or was used up in a lot of the scope.
 */
export function recallScopeCsv(scope: RecallScope): string {
  const usedUp = new Set(scope.links.map((link) => link.parentId));
  return toCsv([
    HEADER,
    ...scope.lots.map((lot) => [
      lot.lotCode,
      lot.gtin,
      lot.status.toLowerCase().replace("_", " "),
      lot.depth,
      usedUp.has(lot.id) ? "no: used up in a lot below" : "yes",
      lot.quantity,
      lot.unit,
      holderText(lot.custodian),
      lot.custodian.gln,
      locationText(lot.custodian),
      lot.status === "IN_TRANSIT" ? holderText(lot.recipient) : "",
      lot.packages.total,
      lot.packages.removed,
      lot.id,
    ]),
  ]);
}
