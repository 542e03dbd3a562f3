import "server-only";
import type { Db } from "@/lib/db/client";
import { findProducts, productLabel } from "@/lib/products";
import { findShipmentLots } from "./shipment-record";

/** A lot of a shipment as its page lists it. */
export type ShipmentLotView = {
  id: string;
  lotCode: string;
  product: string;
  quantity: string | null;
  unit: string | null;
  /** Its packages (cases) labelled on LotLedger. */
  cases: number;
  /** Still on its way in this shipment. */
  isOpen: boolean;
  /** Where it stands, in words: "On its way", "Received", "Refused", "Recalled", … */
  state: string;
};

const ANSWERS: Record<string, string> = {
  LotHandoffAccepted: "Received",
  LotHandoffRejected: "Refused",
};

/**
 * The shipment's lots with their products, cases and state. A lot's answer is its receipt or
 * refusal in this shipment (the indexer's per-lot rows carry `args.shipment`); a lot neither on its
 * way nor answered was recalled or taken back on its own. `number` null = not on the ledger yet.
 */
export async function viewShipmentLots(
  db: Db,
  shipment: { number: number | null; lotIds: string[] },
): Promise<ShipmentLotView[]> {
  const number = shipment.number;
  const [lots, answers, packages] = await Promise.all([
    number === null
      ? db.lot.findMany({ where: { id: { in: shipment.lotIds } } }).then((rows) =>
          shipment.lotIds.flatMap((id) => {
            const lot = rows.find((row) => row.id === id);
            return lot
              ? [{ ...lot, quantity: lot.quantity?.toString() ?? null, isOpen: false }]
              : [];
          }),
        )
      : findShipmentLots(db, { number, lotIds: shipment.lotIds }),
    number === null
      ? []
      : db.ledgerEvent.findMany({
          where: {
            lotId: { in: shipment.lotIds },
            name: { in: Object.keys(ANSWERS) },
            args: { path: ["shipment"], equals: String(number) },
          },
          select: { lotId: true, name: true },
        }),
    db.package.groupBy({ by: ["lotId"], where: { lotId: { in: shipment.lotIds } }, _count: true }),
  ]);
  const products = await findProducts(
    db,
    lots.map((lot) => lot.gtin),
  );
  return lots.map((lot) => {
    const answer = answers.find((a) => a.lotId === lot.id);
    const state =
      number === null
        ? "Waiting for the ledger"
        : lot.isOpen
          ? "On its way"
          : answer
            ? (ANSWERS[answer.name] as string)
            : lot.status === "RECALLED"
              ? "Recalled"
              : "Taken back by the sender";
    return {
      id: lot.id,
      lotCode: lot.lotCode,
      product: productLabel(products.get(lot.gtin) ?? null, lot.gtin),
      quantity: lot.quantity,
      unit: lot.unit,
      cases: packages.find((row) => row.lotId === lot.id)?._count ?? 0,
      isOpen: lot.isOpen,
      state,
    };
  });
}
