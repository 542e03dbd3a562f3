import type { Interface, Log } from "ethers";

export type DecodedLog = {
  blockNumber: number;
  blockHash: string;
  txHash: string;
  txIndex: number;
  logIndex: number;
  name: string;
  args: Record<string, string>;
};

/**
 * Decodes contract logs into plain records with every argument as a string (bigints in decimal,
 * bytes in hex), sorted in chain order: (block, tx index, log index).
 */
export function decodeLogs(contract: Interface, logs: readonly Log[]): DecodedLog[] {
  const decoded: DecodedLog[] = [];
  for (const log of logs) {
    const parsed = contract.parseLog({ topics: [...log.topics], data: log.data });
    if (!parsed) continue; // not one of LotTracker's events (e.g. from a library base contract)
    const args: Record<string, string> = {};
    parsed.fragment.inputs.forEach((input, i) => {
      args[input.name] = String(parsed.args[i]);
    });
    decoded.push({
      blockNumber: log.blockNumber,
      blockHash: log.blockHash,
      txHash: log.transactionHash,
      txIndex: log.transactionIndex,
      logIndex: log.index,
      name: parsed.name,
      args,
    });
  }
  return decoded.sort(
    (a, b) => a.blockNumber - b.blockNumber || a.txIndex - b.txIndex || a.logIndex - b.logIndex,
  );
}
