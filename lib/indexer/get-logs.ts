import { toQuantity } from "ethers";
import { type NodeProvider, REQUEST_TIMEOUT_MS } from "@/lib/chain/provider";
import type { LogFields } from "./decode";

// eth_getLogs past ethers: its JSON-RPC path (provider.send) decodes the answer with a JavaScript
// UTF-8 decoder and grows the body one chunk at a time. For 50,000 logs that took 3.3 s here,
// against 0.35 s for the node to answer, fetch to read it and JSON.parse to parse it. The request
// goes to the provider's own node with the same timeout; every other call still goes through ethers.

type RpcLog = {
  blockNumber: string;
  blockHash: string;
  transactionHash: string;
  transactionIndex: string;
  logIndex: string;
  topics: string[];
  data: string;
};

type RpcAnswer = { result?: RpcLog[]; error?: { code: number; message: string } };

/** The logs `address` emitted in blocks `fromBlock` to `toBlock`, as the node orders them. */
export async function getContractLogs(
  provider: NodeProvider,
  address: string,
  fromBlock: number,
  toBlock: number,
): Promise<LogFields[]> {
  const filter = { address, fromBlock: toQuantity(fromBlock), toBlock: toQuantity(toBlock) };
  const response = await fetch(provider.rpcUrl, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "eth_getLogs", params: [filter] }),
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  if (!response.ok) {
    throw new Error(`eth_getLogs for blocks ${fromBlock}–${toBlock}: HTTP ${response.status}`);
  }
  const answer = (await response.json()) as RpcAnswer;
  if (!answer.result) {
    const reason = answer.error ? `${answer.error.message} (${answer.error.code})` : "no result";
    throw new Error(`eth_getLogs for blocks ${fromBlock}–${toBlock} failed: ${reason}`);
  }
  return answer.result.map((log) => ({
    blockNumber: Number(log.blockNumber),
    blockHash: log.blockHash,
    transactionHash: log.transactionHash,
    transactionIndex: Number(log.transactionIndex),
    index: Number(log.logIndex),
    topics: log.topics,
    data: log.data,
  }));
}
