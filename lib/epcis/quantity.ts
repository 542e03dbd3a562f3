import { AppError } from "@/lib/errors";

/** Units a lot is counted in (UN/CEFACT codes are mapped at EPCIS export). */
export const LOT_UNITS = ["kg", "lb", "case", "each"] as const;
export type LotUnit = (typeof LOT_UNITS)[number];

/** A positive quantity with at most 3 decimals, returned as a canonical decimal string. */
export const QUANTITY_MISSING = "Enter the quantity, such as 120 or 12.5.";
/** What a form's browser check accepts before the round trip (parseQuantity has the last word). */
export const QUANTITY_INPUT_PATTERN = "[0-9]+([.,][0-9]{1,3})?";
export const QUANTITY_INVALID =
  "Enter the quantity as a number with at most 3 decimals, such as 120 or 12.5.";

export function parseQuantity(input: string): string {
  const text = input.trim().replace(",", ".");
  if (text === "") {
    throw new AppError("INVALID_INPUT", QUANTITY_MISSING, {
      field: "quantity",
    });
  }
  if (!/^\d+(\.\d+)?$/.test(text) && !/^-\d/.test(text)) {
    throw new AppError(
      "INVALID_INPUT",
      `“${input.trim()}” is not a number: enter the quantity, such as 120 or 12.5.`,
      {
        field: "quantity",
      },
    );
  }
  const value = Number(text);
  if (!(value > 0)) {
    throw new AppError("INVALID_INPUT", "The quantity must be more than 0.", { field: "quantity" });
  }
  if (/\.\d{4,}$/.test(text)) {
    throw new AppError("INVALID_INPUT", "The quantity can have at most 3 decimals.", {
      field: "quantity",
    });
  }
  if (value > 1e12) {
    throw new AppError(
      "INVALID_INPUT",
      "The quantity is too large: check the number and the unit.",
      { field: "quantity" },
    );
  }
  return text
    .replace(/^0+(?=\d)/, "")
    .replace(/(\.\d*?)0+$/, "$1")
    .replace(/\.$/, "");
}

export function parseUnit(input: string): LotUnit {
  const unit = LOT_UNITS.find((u) => u === input);
  if (!unit) {
    throw new AppError("INVALID_INPUT", `Choose the unit: ${LOT_UNITS.join(", ")}.`, {
      field: "unit",
    });
  }
  return unit;
}

/** UN/CEFACT Rec. 20 codes, as EPCIS quantity elements carry units. */
const UOM_BY_UNIT: Record<LotUnit, string> = { kg: "KGM", lb: "LBR", case: "CS", each: "EA" };

export function uomOf(unit: string): string {
  return UOM_BY_UNIT[unit as LotUnit] ?? unit;
}

export function unitOfUom(uom: string): LotUnit | null {
  return LOT_UNITS.find((unit) => UOM_BY_UNIT[unit] === uom) ?? null;
}

/** Refuses using more of a lot than it holds, or counting it in another unit than the lot's. */
export function assertWithinHeld(
  lot: { lotCode: string; quantity: string | null; unit: string | null },
  used: { quantity: string; unit: string },
  field = "quantity",
): void {
  if (lot.quantity === null || lot.unit === null) return;
  if (used.unit !== lot.unit) {
    throw new AppError(
      "INVALID_INPUT",
      `Lot ${lot.lotCode} is counted in ${lot.unit}: enter the quantity in ${lot.unit}.`,
      {
        field,
      },
    );
  }
  if (Number(used.quantity) > Number(lot.quantity)) {
    throw new AppError(
      "INVALID_INPUT",
      `Lot ${lot.lotCode} holds ${lot.quantity} ${lot.unit}: ${used.quantity} ${used.unit} is more than that. Check the quantity.`,
      { field },
    );
  }
}
