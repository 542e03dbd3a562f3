import { AppError } from "@/lib/errors";
import { LOT_CODE_MAX_LENGTH } from "@/lib/gs1/lot-code";

// The ledger knows a lot by GTIN + lot code, so the part of a lot that ships and the part that stays
// each need a lot code of their own. The rule (docs/events.md, "Part of a lot"): parts of lot L are
// L.P1, L.P2, …, numbered on from the highest part of L already on the ledger; a part of a part counts
// on from the same root (L.P2 split again gives L.P3 and L.P4), so a code never grows past one suffix.
// The shipped part takes the lower number. ".P" is in GS1 character set 82 and reads as "part".

const PART_SUFFIX = /\.P(\d+)$/;

/** The lot code a part was cut from at the start: "H-2026-001" for "H-2026-001.P3". */
export function partRootOf(lotCode: string): string {
  return lotCode.replace(PART_SUFFIX, "");
}

/**
 * The lot codes of the shipped part and of the remainder of `lotCode`, given the codes of the root's
 * parts that already exist (any order, other codes ignored).
 */
export function nextPartCodes(
  lotCode: string,
  existingCodes: readonly string[],
): { shipped: string; remainder: string } {
  const root = partRootOf(lotCode);
  const highest = Math.max(
    0,
    ...[lotCode, ...existingCodes].flatMap((code) => {
      const match = PART_SUFFIX.exec(code);
      return match && partRootOf(code) === root ? [Number(match[1])] : [];
    }),
  );
  const remainder = `${root}.P${highest + 2}`;
  if (remainder.length > LOT_CODE_MAX_LENGTH) {
    throw new AppError(
      "INVALID_INPUT",
      `Lot code ${root} is too long to number its parts (${remainder} would pass ${LOT_CODE_MAX_LENGTH} characters): ship the whole lot, or split it first with lot codes of your own.`,
      { field: "quantity" },
    );
  }
  return { shipped: `${root}.P${highest + 1}`, remainder };
}
