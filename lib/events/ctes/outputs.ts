import { AppError } from "@/lib/errors";
import type { FormValues } from "../kde";
import { assertDistinctLots, type NewLot, parseNewLot } from "../new-lots";

/** The most new lots one form makes; the form adds rows up to this. */
export const MAX_OUTPUTS = 6;

/**
 * The new lots of a transformation or split: rows `outputs.<i>.` whose lot code is filled in (empty
 * rows are ignored, so a form can offer spare rows). `fixedGtin` keeps a split's product.
 */
export type OutputLot = NewLot & { prefix: string };

export function parseOutputs(
  values: FormValues,
  options: { min: number; fixedGtin?: string },
): OutputLot[] {
  const lots: OutputLot[] = [];
  for (let i = 0; i < MAX_OUTPUTS; i++) {
    const prefix = `outputs.${i}.`;
    if ((values[`${prefix}lotCode`] ?? "").trim() === "") continue;
    lots.push({ ...parseNewLot(values, prefix, options.fixedGtin), prefix });
  }
  if (lots.length < options.min) {
    throw new AppError(
      "INVALID_INPUT",
      options.min === 1
        ? "Enter the lot code of the new lot."
        : `Enter at least ${options.min} new lots.`,
      { field: `outputs.${lots.length}.lotCode` },
    );
  }
  assertDistinctLots(lots);
  return lots;
}
