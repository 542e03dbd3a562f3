import { FetchRequest, JsonRpcProvider, type Provider, type TransactionReceipt } from "ethers";
import { getEnv } from "@/lib/env";
import type { LotTracker } from "./generated";

// ethers' defaults are tuned for public networks and were 5–10× slower against a local node; cached
// and batched nonce reads also gave "nonce too low" right after a deploy (measured, TOOLCHAIN.md).

/** No JSON-RPC call waits longer than this for an answer (ethers' own default is 5 minutes). */
export const REQUEST_TIMEOUT_MS = 30_000;

/**
 * An ethers provider for one node, which names that node: lib/indexer/get-logs.ts reads logs from
 * `rpcUrl` past ethers (ethers' own path is ten times slower on large answers).
 */
export class NodeProvider extends JsonRpcProvider {
  /**
   * `staticNetwork` skips chain-id detection, which otherwise retries forever while the node is
   * down: with it a call to an unreachable node fails at once.
   */
  constructor(
    readonly rpcUrl: string,
    chainId: number,
  ) {
    const request = new FetchRequest(rpcUrl);
    request.timeout = REQUEST_TIMEOUT_MS;
    super(request, chainId, {
      staticNetwork: true,
      cacheTimeout: -1,
      batchMaxCount: 1,
      pollingInterval: 100,
    });
  }
}

/** The provider for the node at `rpcUrl`. */
export function createProvider(rpcUrl: string, chainId: number): NodeProvider {
  return new NodeProvider(rpcUrl, chainId);
}

const holder = globalThis as { lotledgerProvider?: JsonRpcProvider };

/** The web app's read connection to the configured chain (RPC_URL, CHAIN_ID); it never signs. */
export function getProvider(): JsonRpcProvider {
  const env = getEnv();
  holder.lotledgerProvider ??= createProvider(env.RPC_URL, env.CHAIN_ID);
  return holder.lotledgerProvider;
}

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

/**
 * Grants `role` to an address, signed by the contract's runner (an admin), and waits for it to be
 * mined. Returns the transaction hash, or null when the address already held the role, so start-up
 * can call it for every organisation each time.
 */
export async function grantLotTrackerRole(
  contract: LotTracker,
  role: string,
  address: string,
): Promise<string | null> {
  if (await contract.hasRole(role, address)) return null;
  const tx = await contract.grantRole(role, address);
  if (!contract.runner?.provider)
    throw new Error("The LotTracker contract has no provider to wait with.");
  return (await receiptOf(contract.runner.provider, tx.hash)).hash;
}
