import type { ColdChainBatch } from "./get-cold-chain";

/**
 * A trail entry's verdict, knowing the lot's readings: LotReadingsAnchored carries a Merkle root, not
 * a payload hash, so it is verified when its batch's stored readings still lead to that root.
 */
export function withReadingsVerdict(batches: readonly ColdChainBatch[]) {
  const verified = new Set(batches.filter((b) => b.isVerified).map((b) => b.txHash));
  return <T extends { name: string; txHash: string; isVerified: boolean }>(entry: T): T =>
    entry.name === "LotReadingsAnchored"
      ? { ...entry, isVerified: verified.has(entry.txHash) }
      : entry;
}
