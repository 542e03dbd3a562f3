import type { EventFormValues as FormValues } from "@/lib/events/record-event";
import type { DemoCast } from "./demo-cast";

// The event forms of the demo story, filled in as Green Valley Farm's staff would fill them in.

/** Loose romaine (harvests) and the packed romaine hearts: GTINs under GS1's demo prefix 950. */
export const ROMAINE_GTIN = "09506000134352";
export const ROMAINE_HEARTS_GTIN = "09506000134369";

/** The day `daysAgo` days before today, as a form's date field holds it. */
export const dayBefore = (daysAgo: number) =>
  new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);

export function harvestForm(
  farm: DemoCast["farm"],
  { lotCode, kilograms }: { lotCode: string; kilograms: number },
): FormValues {
  return {
    locationGln: farm.siteGln,
    gtin: ROMAINE_GTIN,
    lotCode,
    commodity: "Lettuce",
    variety: "Romaine",
    quantity: String(kilograms),
    unit: "kg",
    fieldName: "Field 7",
    harvestDate: dayBefore(2),
    // The farm packs its own harvest: the next holder is its packing shed.
    recipientLocationGln: farm.siteGln,
    documentType: "harvestlog",
    documentNumber: `HL-${lotCode}`,
  };
}

/** Initial packing of a whole harvest lot into a new lot of labelled cases (the TLC is assigned here). */
export function packingForm(
  farm: DemoCast["farm"],
  harvest: { lotId: string; kilograms: number },
  packed: { lotCode: string; kilograms: number; cases: number },
): FormValues {
  return {
    inputLotIds: harvest.lotId,
    locationGln: farm.siteGln,
    quantityReceived: String(harvest.kilograms),
    unitReceived: "kg",
    productDescription: "Romaine hearts, 3-pack",
    commodity: "Lettuce",
    variety: "Romaine",
    dateReceived: dayBefore(2),
    harvestLocation: "Green Valley Farm, 1200 River Rd, Salinas, CA 93901, US",
    fieldName: "Field 7",
    harvesterBusinessName: "Green Valley Farm",
    harvesterPhone: "+1 831 555 0142",
    harvestDate: dayBefore(2),
    // Field-packed the day it was cut, so the carrier's day of readings comes after it.
    packingDate: dayBefore(2),
    gtin: ROMAINE_HEARTS_GTIN,
    lotCode: packed.lotCode,
    quantity: String(packed.kilograms),
    unit: "kg",
    packages: String(packed.cases),
    documentType: "prodorder",
    documentNumber: `PO-${packed.lotCode}`,
  };
}

/** Splits a held lot into batches of equal weight, each with its labelled cases. */
export function splitForm(
  farm: DemoCast["farm"],
  { lotId, kilograms }: { lotId: string; kilograms: number },
  batches: { lotCode: string; cases: number }[],
): FormValues {
  const values: FormValues = {
    lotId,
    locationGln: farm.siteGln,
    splitDate: dayBefore(1),
    documentType: "prodorder",
    documentNumber: `SPLIT-${batches[0]?.lotCode}`,
  };
  for (const [i, batch] of batches.entries()) {
    values[`outputs.${i}.lotCode`] = batch.lotCode;
    values[`outputs.${i}.quantity`] = String(kilograms / batches.length);
    values[`outputs.${i}.unit`] = "kg";
    values[`outputs.${i}.packages`] = String(batch.cases);
  }
  return values;
}
