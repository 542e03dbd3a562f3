import "server-only";
import { z } from "zod";
import type { Member } from "@/lib/auth/session";
import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/input";
import { type HeldLot, requireHeldLot } from "@/lib/lots/guards";
import { EVENT_FIELDS_AS_JSON } from "../cte-rules";

/** The lots chosen as inputs: one id, or several (a group of checkboxes, an array in the API). */
const inputLotsInput = z.object({
  inputLotIds: z.preprocess(
    (value) => (value === undefined || value === "" ? [] : [value].flat()),
    z.array(z.string()),
  ),
});

/** Whether the form names any input lot at all. */
export function hasInputLots(values: unknown): boolean {
  return parseInput(inputLotsInput, values, EVENT_FIELDS_AS_JSON).inputLotIds.some(Boolean);
}

/**
 * The input lots an event acts on, each held by the member, at least `min` of them: checked against
 * the ledger's state before the rest of the form, as LotTracker would check them first.
 */
export async function requireInputLots(
  tx: Tx,
  member: Member,
  values: unknown,
  options: { min: number; action: string },
): Promise<HeldLot[]> {
  const { inputLotIds } = parseInput(inputLotsInput, values, EVENT_FIELDS_AS_JSON);
  const ids = [...new Set(inputLotIds.filter(Boolean))];
  if (ids.length < options.min) {
    throw new AppError(
      "INVALID_INPUT",
      options.min === 1
        ? "Choose the lot it is made from."
        : `Choose at least ${options.min} lots.`,
      { field: "inputLotIds" },
    );
  }
  const lots: HeldLot[] = [];
  for (const id of ids) lots.push(await requireHeldLot(tx, member, id, options.action));
  return lots;
}
