import { FetchRequest, JsonRpcProvider } from "ethers";

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
