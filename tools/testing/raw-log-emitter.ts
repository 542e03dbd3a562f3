import { concat, type JsonRpcProvider } from "ethers";
import { receiptOf } from "@/lib/chain/provider";

// Logs LotTracker would never emit, emitted at LotTracker's own address, so the indexer's tests do not
// depend on what the contract accepts: anvil_setCode swaps in a few bytes of EVM code that log their
// calldata, a transaction calls them, and the contract's code (its storage never moved) is put back.

export type RawLog = { topics: string[]; data: string };

/**
 * Runtime code that logs its calldata as LOG<k>: the first k words are the topics, the rest the data.
 * CALLDATACOPY the data to memory at 0, push the topics last to first, then size and offset.
 */
function emitterCode(topicCount: number): string {
  const topicBytes = 32 * topicCount;
  const push1 = (value: number) => `60${value.toString(16).padStart(2, "0")}`;
  const dataSize = `${push1(topicBytes)}3603`; // CALLDATASIZE - topicBytes
  let code = `${dataSize}${push1(topicBytes)}${push1(0)}37`; // CALLDATACOPY(0, topicBytes, size)
  for (let i = topicCount - 1; i >= 0; i--) code += `${push1(32 * i)}35`; // CALLDATALOAD(32 i)
  code += `${dataSize}${push1(0)}${(0xa0 + topicCount).toString(16)}00`; // LOGk(0, size, …); STOP
  return `0x${code}`;
}

/**
 * Emits each log from `address`, one transaction each, sent by anvil's first account; returns their
 * transaction hashes. The code at `address` is restored afterwards.
 */
export async function emitRawLogs(
  provider: JsonRpcProvider,
  address: string,
  logs: readonly RawLog[],
): Promise<string[]> {
  const original: string = await provider.send("eth_getCode", [address, "latest"]);
  const sender = await provider.getSigner(0);
  const hashes: string[] = [];
  try {
    for (const log of logs) {
      if (log.topics.length > 4) throw new RangeError("A log has at most 4 topics.");
      await provider.send("anvil_setCode", [address, emitterCode(log.topics.length)]);
      const tx = await sender.sendTransaction({
        to: address,
        data: concat([...log.topics, log.data]),
        gasLimit: 200_000,
      });
      hashes.push((await receiptOf(provider, tx.hash)).hash);
    }
  } finally {
    await provider.send("anvil_setCode", [address, original]);
  }
  return hashes;
}
