import { amount, type Catalog, type Cell, location, product, templateDate } from "./fsma-cells";
import type { FsmaInput, FsmaRecord } from "./fsma-record";
import type { FsmaSheetName } from "./fsma-template";

// The FDA template's rows from LotLedger's FSMA records, cell for cell in the order of the sheet's
// headers (fsma-template.ts): one row per event, and one per input of a transformation. Events the
// template has no sheet for (a carrier's pickup and delivery, a refused delivery, other
// observations) stay in the CSV only.

/** Which sheet each CTE goes to; what is not here has no sheet. */
const SHEET_OF_CTE: Record<string, FsmaSheetName> = {
  Harvesting: "Harvesting",
  Cooling: "Cooling",
  "Initial packing": "Initial Packing",
  "First land-based receiving": "First Land-Based Receiving",
  Shipping: "Shipping",
  Receiving: "Receiving",
  Transformation: "Transformation",
  "Transformation (split)": "Transformation",
  "Transformation (merge)": "Transformation",
};

function rowsOf(record: FsmaRecord, catalog: Catalog): Cell[][] {
  const { lot, typed } = record;
  const tlc = lot.isTlc ? lot.tlc : null;
  const day = templateDate(record.when);
  const qty = [amount(record.quantity), record.unit || null];
  const references = [record.document?.type ?? null, record.document?.number ?? null, null, null];
  const ledger = [record.verified, record.event.txHash];
  const described = product(lot.gtin, lot.productDescription, catalog, [
    lot.commodity,
    lot.variety,
  ]);
  const tlcSource = record.tlcSource ?? record.location;
  const reference = lot.isTlc ? lot.digitalLink : null;
  const commodity = [lot.commodity || null, lot.variety || null];
  const sheet = SHEET_OF_CTE[record.cte];
  switch (sheet) {
    case "Harvesting":
      return [
        [
          ...location(record.subsequentRecipient),
          ...commodity,
          ...qty,
          ...location(record.location),
          typed.fieldName || null,
          null,
          templateDate(typed.harvestDate) ?? day,
          ...references,
          ...ledger,
        ],
      ];
    case "Cooling":
      return [
        [
          ...location(record.subsequentRecipient),
          ...commodity,
          ...qty,
          ...location(record.location),
          templateDate(typed.coolingDate) ?? day,
          ...location(record.harvestFarm),
          ...references,
          ...ledger,
        ],
      ];
    case "Initial Packing":
      return [
        [
          ...commodity,
          templateDate(typed.dateReceived),
          amount(typed.quantityReceived ?? ""),
          typed.unitReceived || null,
          ...location(null, typed.harvestLocation),
          typed.fieldName || null,
          null,
          typed.harvesterBusinessName || null,
          typed.harvesterPhone || null,
          templateDate(typed.harvestDate),
          ...location(null, typed.coolingLocation),
          templateDate(typed.coolingDate),
          tlc,
          ...described,
          ...qty,
          ...location(tlcSource),
          reference,
          day,
          ...references,
          ...ledger,
        ],
      ];
    case "First Land-Based Receiving":
      return [
        [
          tlc,
          lot.productDescription || null,
          ...product(lot.gtin, "", catalog),
          ...qty,
          templateDate(typed.harvestDateStart),
          templateDate(typed.harvestDateEnd),
          typed.catchLocations || null,
          ...location(tlcSource),
          reference,
          day,
          ...references,
          ...ledger,
        ],
      ];
    case "Shipping":
    case "Receiving":
      // The template's two sheets differ only in whose location comes first: the immediate
      // subsequent recipient's (shipping) or the immediate previous source's (receiving).
      return [
        [
          tlc,
          ...qty,
          ...described,
          ...location(sheet === "Shipping" ? record.subsequentRecipient : record.previousSource),
          ...location(record.location),
          day,
          ...location(record.tlcSource),
          reference,
          ...references,
          ...ledger,
        ],
      ];
    case "Transformation": {
      const output = [tlc, ...location(tlcSource), reference, day, ...described, ...qty];
      const inputs: (FsmaInput | null)[] = record.inputs.length > 0 ? record.inputs : [null];
      return inputs.map((input) => [
        input?.lotCode ?? null,
        ...(input
          ? product(input.gtin, input.productDescription, catalog)
          : product("", "", catalog)),
        input ? amount(input.quantity) : null,
        input?.unit || null,
        ...output,
        ...references,
        ...ledger,
      ]);
    }
    default:
      return [];
  }
}

/** Each sheet's rows, in the records' order (chain order). */
export function workbookRows(
  records: FsmaRecord[],
  catalog: Catalog,
): Map<FsmaSheetName, Cell[][]> {
  const sheets = new Map<FsmaSheetName, Cell[][]>();
  for (const record of records) {
    const sheet = SHEET_OF_CTE[record.cte];
    if (!sheet) continue;
    const rows = sheets.get(sheet) ?? [];
    rows.push(...rowsOf(record, catalog));
    sheets.set(sheet, rows);
  }
  return sheets;
}
