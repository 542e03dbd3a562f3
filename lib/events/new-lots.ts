import { ZeroHash } from "ethers";
import { encodeLotCode, lotIdOf } from "@/lib/chain/lot-id";
import type { LedgerArg } from "@/lib/chain/outbox/enqueue";
import { lotEpcClass, type QuantityElement } from "@/lib/epcis/event";
import { type LotUnit, parseQuantity, parseUnit, uomOf } from "@/lib/epcis/quantity";
import { AppError } from "@/lib/errors";
import { parseGtin } from "@/lib/gs1/gtin";
import { parseLotCode } from "@/lib/gs1/lot-code";
import { generateSerials, MAX_PACKAGES_PER_LOT, serialsRootOf } from "@/lib/packages/serials";
import type { FormValues } from "./kde";

/** A lot an event creates: its traceability lot code, quantity and, if commissioned, package serials. */
export type NewLot = {
  id: string;
  gtin: string;
  lotCode: string;
  quantity: string;
  unit: LotUnit;
  serials: string[];
};

/** Runs a parser whose errors name a plain field ("gtin") and re-points them at `field`. */
export function atField<T>(field: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof AppError) throw new AppError(error.code, error.message, { field });
    throw error;
  }
}

/**
 * The new lot described by the fields `${prefix}gtin`, `lotCode`, `quantity`, `unit` and `packages`
 * (how many packages to commission: empty for none).
 */
export function parseNewLot(values: FormValues, prefix = "", fixedGtin?: string): NewLot {
  const gtin =
    fixedGtin ?? atField(`${prefix}gtin`, () => parseGtin(values[`${prefix}gtin`] ?? ""));
  const lotCode = atField(`${prefix}lotCode`, () => parseLotCode(values[`${prefix}lotCode`] ?? ""));
  const quantity = atField(`${prefix}quantity`, () =>
    parseQuantity(values[`${prefix}quantity`] ?? ""),
  );
  const unit = atField(`${prefix}unit`, () => parseUnit(values[`${prefix}unit`] ?? ""));
  return {
    id: lotIdOf(gtin, lotCode),
    gtin,
    lotCode,
    quantity,
    unit,
    serials: parsePackages(values, `${prefix}packages`),
  };
}

function parsePackages(values: FormValues, field: string): string[] {
  const text = (values[field] ?? "").trim();
  if (text === "" || text === "0") return [];
  const count = Number(text);
  if (!/^\d+$/.test(text) || count > MAX_PACKAGES_PER_LOT) {
    throw new AppError(
      "INVALID_INPUT",
      `Packages must be a whole number from 1 to ${MAX_PACKAGES_PER_LOT}, or empty for none.`,
      { field },
    );
  }
  return generateSerials(count);
}

/** LotTracker's NewLot tuple: (uint64 gtin, bytes20 lotCode, bytes32 serialsRoot). */
export function newLotTuple(lot: NewLot): LedgerArg[] {
  const root = lot.serials.length > 0 ? serialsRootOf(lot.id, lot.serials) : ZeroHash;
  return [BigInt(lot.gtin).toString(), encodeLotCode(lot.lotCode), root];
}

export function quantityElement(lot: {
  gtin: string;
  lotCode: string;
  quantity: string;
  unit: string;
}): QuantityElement {
  return {
    epcClass: lotEpcClass(lot.gtin, lot.lotCode),
    quantity: Number(lot.quantity),
    uom: uomOf(lot.unit),
  };
}

/** Refuses two new lots with the same code in one event. */
export function assertDistinctLots(lots: (NewLot & { prefix: string })[]): void {
  const seen = new Set<string>();
  lots.forEach((lot) => {
    if (seen.has(lot.id)) {
      throw new AppError(
        "INVALID_INPUT",
        `Lot ${lot.lotCode} appears twice: give each new lot its own code.`,
        {
          field: `${lot.prefix}lotCode`,
        },
      );
    }
    seen.add(lot.id);
  });
}

/** LotTracker.createLot's arguments for a lot, given the payload hash. */
export function createLotArgs(lot: NewLot): (hash: string) => LedgerArg[] {
  const [gtin, lotCode, serialsRoot] = newLotTuple(lot) as [string, string, string];
  return (hash) => [gtin, lotCode, hash, serialsRoot];
}

/** A held lot as an EPCIS quantity list: its one element, or none when its quantity is unknown. */
export function heldQuantityList(lot: {
  gtin: string;
  lotCode: string;
  quantity: { toString(): string } | null;
  unit: string | null;
}): QuantityElement[] {
  return lot.quantity === null
    ? []
    : [quantityElement({ ...lot, quantity: lot.quantity.toString(), unit: lot.unit ?? "" })];
}
