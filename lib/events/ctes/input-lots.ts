import "server-only";
import type { Member } from "@/lib/auth/session";
import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { type HeldLot, requireHeldLot } from "@/lib/lots/guards";

/** The lots chosen as inputs (field `inputLotIds`, comma-separated ids), each held by the member. */
export async function requireInputLots(
  tx: Tx,
  member: Member,
  values: Record<string, string>,
  options: { min: number; action: string },
): Promise<HeldLot[]> {
  const ids = [...new Set((values.inputLotIds ?? "").split(",").filter(Boolean))];
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
