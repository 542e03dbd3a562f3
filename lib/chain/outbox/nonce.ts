import type { SenderContext } from "./sender";

/**
 * The next nonce for a signer: past everything the chain has seen from it and everything the outbox
 * has already signed for it (which the chain may not have seen yet, e.g. after a broadcast failed or
 * the node lost recent blocks). Only the sender signs, so nothing else takes nonces in between.
 */
export async function nextNonce(ctx: SenderContext, signerAddress: string): Promise<number> {
  const [onChain, highest] = await Promise.all([
    ctx.provider.getTransactionCount(signerAddress, "pending"),
    ctx.db.ledgerTransaction.aggregate({
      where: { signerAddress, nonce: { not: null } },
      _max: { nonce: true },
    }),
  ]);
  return Math.max(onChain, (highest._max.nonce ?? -1) + 1);
}
