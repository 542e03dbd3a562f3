import type { Interface, Log } from "ethers";

/** Event arguments as plain JSON: numbers in decimal, bytes in hex, arrays of those. */
export type EventArgs = Record<string, string | string[]>;

export type DecodedLog = {
  blockNumber: number;
  blockHash: string;
  txHash: string;
  txIndex: number;
  logIndex: number;
  name: string;
  args: EventArgs;
};

/**
 * Decodes contract logs into plain records, sorted in chain order: (block, tx index, log index).
 * Logs of other events (none today) are skipped.
 */
export function decodeLogs(contract: Interface, logs: readonly Log[]): DecodedLog[] {
  const decoded: DecodedLog[] = [];
  for (const log of logs) {
    const parsed = contract.parseLog({ topics: [...log.topics], data: log.data });
    if (!parsed) continue;
    const args: EventArgs = {};
    parsed.fragment.inputs.forEach((input, i) => {
      const value = parsed.args[i];
      args[input.name] = Array.isArray(value) ? value.map(String) : String(value);
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
