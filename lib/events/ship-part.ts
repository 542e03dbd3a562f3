import "server-only";
import type { Member } from "@/lib/auth/session";
import type { Tx } from "@/lib/db/client";
import { parseUnit } from "@/lib/epcis/quantity";
import { AppError } from "@/lib/errors";
import { assertLotCodeFree, canCreateLots, type HeldLot } from "@/lib/lots/guards";
import { type NewLot, newLot } from "./new-lots";
import { nextPartCodes, partRootOf } from "./part-lot-code";

/** The two lots a partial shipment cuts a lot into: the one that travels and the one that stays. */
export type ShippedPart = { shipped: NewLot; remainder: NewLot };

/**
 * When `quantity` is less than the lot holds, the part that ships and the remainder, each of the
 * lot's product (GTIN) and unit with a lot code by the rule of part-lot-code.ts; null when the whole
 * lot ships. LotTracker.handoffPart splits as `split` does, so only a PRODUCER (a farm, packer or
 * processor) can ship part of a lot: a carrier or a store ships what it received whole.
 */
export async function planShippedPart(
  tx: Tx,
  member: Member,
  lot: HeldLot,
  quantity: string | null,
): Promise<ShippedPart | null> {
  if (quantity === null || (lot.quantity !== null && Number(quantity) === Number(lot.quantity))) {
    return null;
  }
  if (lot.quantity === null || lot.unit === null) {
    throw new AppError(
      "INVALID_INPUT",
      `Lot ${lot.lotCode} has no recorded quantity, so only the whole lot can be shipped: leave the quantity empty.`,
      { field: "quantity" },
    );
  }
  if (Number(quantity) > Number(lot.quantity)) {
    throw new AppError(
      "INVALID_INPUT",
      `Lot ${lot.lotCode} holds ${lot.quantity} ${lot.unit}: ${quantity} ${lot.unit} is more than that. Check the quantity.`,
      { field: "quantity" },
    );
  }
  if (!canCreateLots(member)) {
    throw new AppError(
      "FORBIDDEN",
      `Only farms, packers and processors ship part of a lot; ${member.organization.name} ships the whole lot (${lot.quantity} ${lot.unit}).`,
      { field: "quantity" },
    );
  }
  const root = partRootOf(lot.lotCode);
  const siblings = await tx.lot.findMany({
    where: { gtin: lot.gtin, lotCode: { startsWith: `${root}.P` } },
    select: { lotCode: true },
  });
  const codes = nextPartCodes(
    lot.lotCode,
    siblings.map((sibling) => sibling.lotCode),
  );
  const unit = parseUnit(lot.unit);
  const rest = String(Number((Number(lot.quantity) - Number(quantity)).toFixed(3)));
  const shipped = newLot({ gtin: lot.gtin, lotCode: codes.shipped, quantity, unit });
  const remainder = newLot({ gtin: lot.gtin, lotCode: codes.remainder, quantity: rest, unit });
  for (const part of [shipped, remainder]) await assertLotCodeFree(tx, part, "quantity");
  return { shipped, remainder };
}
