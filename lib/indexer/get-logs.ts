import { type JsonRpcProvider, toQuantity } from "ethers";
import type { LogFields } from "./decode";

// eth_getLogs past ethers: its JSON-RPC path decodes the response with a JavaScript UTF-8 decoder
// and builds a Log object per log. For 20,000 logs (15 MB) that took 2.9 s here, against 0.3 s
// for the node to answer and JSON.parse to read it. The request goes to the provider's own URL with
// its headers (credentials included) and timeout; every other call still goes through ethers.

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
  provider: JsonRpcProvider,
  address: string,
  fromBlock: number,
  toBlock: number,
): Promise<LogFields[]> {
  const connection = provider._getConnection();
  const { "content-length": _, ...headers } = connection.headers;
  const filter = { address, fromBlock: toQuantity(fromBlock), toBlock: toQuantity(toBlock) };
  const response = await fetch(connection.url, {
    method: "POST",
    headers: { ...headers, "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "eth_getLogs", params: [filter] }),
    signal: AbortSignal.timeout(connection.timeout),
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
