import { ZeroHash } from "ethers";
import { z } from "zod";
import type { Member } from "@/lib/auth/session";
import { encodeLotCode, lotIdOf } from "@/lib/chain/lot-id";
import type { LedgerCall } from "@/lib/chain/outbox/enqueue";
import type { Tx } from "@/lib/db/client";
import { lotEpcClass, type QuantityElement } from "@/lib/epcis/event";
import { type LotUnit, parseQuantity, parseUnit, uomOf } from "@/lib/epcis/quantity";
import { AppError } from "@/lib/errors";
import { companyPrefixOf } from "@/lib/gs1/company-prefix";
import { parseGtin } from "@/lib/gs1/keys";
import { parseLotCode } from "@/lib/gs1/lot-code";
import { parsedBy } from "@/lib/input";
import { generateSerials, MAX_PACKAGES_PER_LOT, serialsRootOf } from "@/lib/packages/serials";

/** A lot an event creates: its traceability lot code, quantity and, if commissioned, package serials. */
export type NewLot = {
  id: string;
  gtin: string;
  lotCode: string;
  quantity: string;
  unit: LotUnit;
  serials: string[];
};

/** How many packages to commission with a new lot: empty (or 0) for none. */
const packagesField = z.preprocess(
  (value) => value ?? "",
  z.string().transform((value, context) => {
    const text = value.trim();
    if (text === "" || text === "0") return 0;
    if (!/^\d+$/.test(text) || Number(text) > MAX_PACKAGES_PER_LOT) {
      context.addIssue({
        code: "custom",
        message: `Packages must be a whole number from 1 to ${MAX_PACKAGES_PER_LOT}, or empty for none.`,
      });
      return z.NEVER;
    }
    return Number(text);
  }),
);

/** The fields of a new lot on an event form, in the order a refusal names them. */
export const gtinField = parsedBy(parseGtin);
export const newLotFields = {
  lotCode: parsedBy(parseLotCode),
  quantity: parsedBy(parseQuantity),
  unit: parsedBy(parseUnit),
  packages: packagesField,
};
export const newLotSchema = z.object({ gtin: gtinField, ...newLotFields });

type NewLotInput = { gtin: string; lotCode: string; quantity: string; unit: LotUnit };

/** The new lot with its on-chain id and, when packages were asked for, their random serials. */
export function newLot(input: NewLotInput & { packages?: number }): NewLot {
  const { gtin, lotCode, quantity, unit, packages = 0 } = input;
  const serials = packages > 0 ? generateSerials(packages) : [];
  return { id: lotIdOf(gtin, lotCode), gtin, lotCode, quantity, unit, serials };
}

/** The most new lots one form makes; the form adds rows up to this. */
export const MAX_OUTPUTS = 6;

/**
 * The new-lot rows of a transformation or split (`outputs.<i>.…`): a row whose lot code is empty is
 * ignored, so a form can offer spare rows; each kept row knows its field prefix for later refusals.
 */
export function outputRows<Row extends z.ZodType>(row: Row, min: number) {
  const isEmpty = (value: unknown) =>
    typeof value !== "object" ||
    value === null ||
    String((value as { lotCode?: unknown }).lotCode ?? "").trim() === "";
  return z
    .preprocess(
      (value) => [value ?? []].flat().slice(0, MAX_OUTPUTS),
      z.array(z.preprocess((r) => (isEmpty(r) ? null : r), row.nullable())),
    )
    .transform((rows, context) => {
      const kept = rows.flatMap((r, i) => (r === null ? [] : [{ ...r, prefix: `outputs.${i}.` }]));
      if (kept.length < min) {
        context.addIssue({
          code: "custom",
          path: [kept.length, "lotCode"],
          message:
            min === 1 ? "Enter the lot code of the new lot." : `Enter at least ${min} new lots.`,
        });
        return z.NEVER;
      }
      return kept as (z.output<Row> & { prefix: string })[];
    });
}

/** Refuses two new lots with the same code in one event. */
export function assertDistinctLots(lots: readonly (NewLot & { prefix: string })[]): void {
  const seen = new Set<string>();
  for (const lot of lots) {
    if (seen.has(lot.id)) {
      throw new AppError(
        "INVALID_INPUT",
        `Lot ${lot.lotCode} appears twice: give each new lot its own code.`,
        { field: `${lot.prefix}lotCode` },
      );
    }
    seen.add(lot.id);
  }
}

/**
 * Refuses new lots of a GTIN outside the organisation's GS1 company prefixes, as LotTracker would
 * (LotTrackerUnauthorizedGtin), with a sentence at the lot's GTIN field: a producer registers lots of
 * its own brand's products only. Reads the prefixes the operator registered in the database.
 */
export async function assertOwnGtins(
  tx: Tx,
  member: Member,
  lots: readonly (NewLot & { prefix?: string })[],
): Promise<void> {
  if (lots.length === 0) return;
  const rows = await tx.companyPrefix.findMany({
    where: { organizationId: member.organization.id },
    orderBy: { prefix: "asc" },
    select: { prefix: true },
  });
  const prefixes = rows.map((row) => row.prefix);
  const foreign = lots.find((lot) => companyPrefixOf(lot.gtin, prefixes) === null);
  if (!foreign) return;
  const { name } = member.organization;
  throw new AppError(
    "INVALID_INPUT",
    prefixes.length === 0
      ? `${name} has no GS1 company prefix registered on LotLedger, so it cannot register lots of GTIN ${foreign.gtin}: ask your LotLedger administrator to register your organisation's prefix.`
      : `GTIN ${foreign.gtin} is not under ${name}'s GS1 company prefix${prefixes.length > 1 ? "es" : ""} ${prefixes.join(", ")}: lots of another brand's product are registered by that brand. Check the GTIN, or ask your LotLedger administrator to register the prefix if your organisation holds it.`,
    { field: `${foreign.prefix ?? ""}gtin` },
  );
}

/** LotTracker's NewLot struct: the GTIN as a number, the lot code as bytes20, the serials' root. */
export function newLotStruct(lot: NewLot) {
  const serialsRoot = lot.serials.length > 0 ? serialsRootOf(lot.id, lot.serials) : ZeroHash;
  return { gtin: BigInt(lot.gtin).toString(), lotCode: encodeLotCode(lot.lotCode), serialsRoot };
}

/** LotTracker.createLot for a lot, given the payload hash. */
export function createLotCall(lot: NewLot): (payloadHash: string) => LedgerCall {
  const { gtin, lotCode, serialsRoot } = newLotStruct(lot);
  return (payloadHash) => ({
    method: "createLot",
    args: [gtin, lotCode, payloadHash, serialsRoot],
  });
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
