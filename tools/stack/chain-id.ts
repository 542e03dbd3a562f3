/**
 * Asks the node for its chain id with one plain JSON-RPC call, so a wrong RPC_URL or a stopped node
 * is reported in one sentence instead of a provider retrying in the background.
 */
export async function readChainId(rpcUrl: string): Promise<number> {
  let response: Response;
  try {
    response = await fetch(rpcUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "eth_chainId", params: [] }),
      signal: AbortSignal.timeout(5_000),
    });
  } catch {
    throw new Error(
      `The chain at RPC_URL ${rpcUrl} does not answer: start the node or correct RPC_URL.`,
    );
  }
  const body = (await response.json().catch(() => null)) as { result?: string } | null;
  if (!response.ok || typeof body?.result !== "string") {
    throw new Error(
      `RPC_URL ${rpcUrl} did not answer eth_chainId like an EVM JSON-RPC node (HTTP ${response.status}): check the URL.`,
    );
  }
  return Number(BigInt(body.result));
}
