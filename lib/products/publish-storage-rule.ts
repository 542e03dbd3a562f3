import { insertLedgerTransaction } from "@/lib/chain/outbox/enqueue";
import type { Tx } from "@/lib/db/client";

// A product's storage range goes on LotTracker as its GTIN's storage rule (setStorageRule), so the
// contract holds its lots by the same numbers every party sees. Sent by the brand's organisation, the
// holder of the GTIN's company prefix; the indexer brings it back as StorageRule.

/** °C as master data keeps it: a number, or Prisma's Decimal. */
type Celsius = number | { toString(): string };

export type ProductStorageRange = {
  gtin: string;
  storageMinCelsius: Celsius | null;
  storageMaxCelsius: Celsius | null;
  allowedExcursionMinutes: number | null;
};

/** What LotTracker accepts (LotTrackerInvalidStorageRule otherwise): min below max, within ±80 °C. */
const PHYSICAL_LIMIT = 80_000;

/**
 * Queues setStorageRule(gtin, min×1000, max×1000, allowedExcursionMinutes) from the organisation, in
 * the caller's transaction; nothing when the product has no complete range, when the contract would
 * refuse it, or when the organisation's last such write already says the same. Returns the write's id.
 */
export async function publishStorageRule(
  tx: Tx,
  {
    organizationId,
    product,
    requestedById,
  }: { organizationId: string; product: ProductStorageRange; requestedById?: string },
): Promise<{ writeId: string } | null> {
  if (product.storageMinCelsius === null || product.storageMaxCelsius === null) return null;
  const min = Math.round(Number(String(product.storageMinCelsius)) * 1000);
  const max = Math.round(Number(String(product.storageMaxCelsius)) * 1000);
  if (!(min < max && min >= -PHYSICAL_LIMIT && max <= PHYSICAL_LIMIT)) return null;
  const args: [string, string, string, string] = [
    String(BigInt(product.gtin)),
    String(min),
    String(max),
    String(product.allowedExcursionMinutes ?? 0),
  ];
  const last = await tx.ledgerTransaction.findFirst({
    where: { organizationId, method: "setStorageRule", args: { path: ["0"], equals: args[0] } },
    orderBy: { createdAt: "desc" },
    select: { args: true, status: true },
  });
  if (last && last.status !== "FAILED" && JSON.stringify(last.args) === JSON.stringify(args)) {
    return null;
  }
  const organization = await tx.organization.findUniqueOrThrow({
    where: { id: organizationId },
    select: { chainAddress: true },
  });
  const { id } = await insertLedgerTransaction(tx, {
    method: "setStorageRule",
    args,
    organizationId,
    signerAddress: organization.chainAddress,
    requestedById,
  });
  return { writeId: id };
}
