import type { Provider, TransactionReceipt } from "ethers";

const TIMEOUT_MS = 60_000;

/**
 * The receipt of a sent transaction, polled for directly. ethers' `tx.wait()` can hang against a node
 * that mines on demand (anvil): when the transaction is mined between wait's first receipt check and
 * its first block-number poll, the block holding it is never reported as new, and wait() sleeps until
 * some later transaction mines another block. Seen a few times per thousand transactions under load.
 */
export async function receiptOf(provider: Provider, hash: string): Promise<TransactionReceipt> {
  const deadline = Date.now() + TIMEOUT_MS;
  for (;;) {
    const receipt = await provider.getTransactionReceipt(hash);
    if (receipt) return receipt;
    if (Date.now() > deadline)
      throw new Error(`No receipt for ${hash} within ${TIMEOUT_MS / 1000} s.`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
