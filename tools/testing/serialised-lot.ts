import { encodeLotCode, lotIdOf } from "@/lib/chain/lot-id";
import { insertLedgerTransaction } from "@/lib/chain/outbox/enqueue";
import { hashPayload } from "@/lib/chain/payload";
import type { Db } from "@/lib/db/client";
import { generateSerials, serialsRootOf } from "@/lib/packages/serials";
import { lotPayload } from "./lot-payload";

/**
 * Queues a lot with `count` packages as package commissioning records one, for tests and benchmarks
 * that run the outbox sender: random serials as Package rows and `createLot` with their Merkle root,
 * signed by the organisation of `email`, in one database transaction. The lot exists once the sender
 * has sent it and the indexer has read it.
 */
export async function queueSerialisedLot(
  db: Db,
  lot: { gtin: string; lotCode: string; count: number; email: string },
): Promise<{ lotId: string; serials: string[] }> {
  const user = await db.user.findUniqueOrThrow({
    where: { email: lot.email },
    include: { organization: true },
  });
  const organization = user.organization;
  if (!organization) throw new Error(`${lot.email} has no organisation`);
  const lotId = lotIdOf(lot.gtin, lot.lotCode);
  const serials = generateSerials(lot.count);
  const body = lotPayload(lot.gtin, lot.lotCode, String(lot.count), "case", organization.gln);
  const payloadHash = hashPayload(body);
  await db.$transaction(async (tx) => {
    // The outbox row itself, not lib/events' door: e2e fixtures load this outside Next's server.
    const { id } = await insertLedgerTransaction(tx, {
      organizationId: organization.id,
      signerAddress: organization.chainAddress,
      requestedById: user.id,
      method: "createLot",
      args: [
        BigInt(lot.gtin).toString(),
        encodeLotCode(lot.lotCode),
        payloadHash,
        serialsRootOf(lotId, serials),
      ],
      payload: { hash: payloadHash, body },
      lotId,
    });
    await tx.package.createMany({
      data: serials.map((serial) => ({ lotId, serial, ledgerTransactionId: id })),
    });
  });
  return { lotId, serials };
}
