import type { Tx } from "@/lib/db/client";
import { NOT_UNPACKED } from "./write-logistics";

/**
 * Undoes what the blocks after `ancestor` did to shipments and logistic units, as the lots they
 * touched are rebuilt: shipments and units they opened go, units they unpacked are packed again, and
 * shipments they answered whole are in transit again. Call it before their events are deleted.
 */
export async function rollBackLogistics(tx: Tx, chainId: number, ancestor: number): Promise<void> {
  await tx.shipment.deleteMany({ where: { chainId, blockNumber: { gt: ancestor } } });
  await tx.logisticUnit.deleteMany({ where: { chainId, packedBlock: { gt: ancestor } } });
  await tx.logisticUnit.updateMany({
    where: { chainId, unpackedBlock: { gt: ancestor } },
    data: NOT_UNPACKED,
  });
  // Once one lot of a shipment is answered alone it can never be answered whole, and once answered
  // whole its lots are never answered under its number again: an abandoned answer to a shipment
  // answered whole was that whole answer.
  const answers = await tx.ledgerEvent.findMany({
    where: {
      chainId,
      blockNumber: { gt: ancestor },
      name: { in: ["LotHandoffAccepted", "LotHandoffRejected"] },
    },
    select: { args: true },
  });
  const numbers = [
    ...new Set(
      answers.flatMap((row) => {
        const shipment = (row.args as { shipment?: unknown }).shipment;
        return typeof shipment === "string" ? [Number(shipment)] : [];
      }),
    ),
  ];
  if (numbers.length === 0) return;
  await tx.shipment.updateMany({
    where: { chainId, number: { in: numbers }, answer: { not: null } },
    data: { answer: null },
  });
}
