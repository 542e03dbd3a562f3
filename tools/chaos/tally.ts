import { LotTracker__factory } from "@/lib/chain/generated";
import type { NodeProvider } from "@/lib/chain/provider";
import type { Db } from "@/lib/db/client";
import { verifyLedger } from "@/lib/indexer/verify";

export type Tally = { missing: number; duplicated: number; changed: number; details: string[] };

/**
 * Compares what the app acknowledged with what the chain holds, and the database with the chain:
 * an acknowledged handoff whose payload is in no LotHandedOff event is missing; one in two is
 * duplicated; verifyLedger's missing, extra and changed events and tampered payloads count too.
 */
export async function tallyChaos({
  db,
  provider,
  chainId,
  contractAddress,
  startBlock,
  acknowledgedWriteIds,
}: {
  db: Db;
  provider: NodeProvider;
  chainId: number;
  contractAddress: string;
  startBlock: number;
  acknowledgedWriteIds: string[];
}): Promise<Tally> {
  const lotTracker = LotTracker__factory.connect(contractAddress, provider);
  const handedOff = await lotTracker.queryFilter(lotTracker.filters.LotHandedOff(), startBlock);
  const onChain = new Map<string, number>();
  for (const log of handedOff)
    onChain.set(log.args.payloadHash, (onChain.get(log.args.payloadHash) ?? 0) + 1);

  const writes = await db.ledgerTransaction.findMany({
    where: { id: { in: acknowledgedWriteIds } },
  });
  const details: string[] = [];
  let missing = 0;
  let duplicated = 0;
  for (const write of writes) {
    const count = onChain.get(write.payloadHash as string) ?? 0;
    if (count === 0)
      details.push(
        `missing on chain: write ${write.id} (${write.status}${write.error ? `: ${write.error}` : ""})`,
      );
    if (count > 1) details.push(`on chain ${count} times: write ${write.id}`);
    missing += count === 0 ? 1 : 0;
    duplicated += Math.max(0, count - 1);
  }
  missing += acknowledgedWriteIds.length - writes.length;

  const report = await verifyLedger({ db, provider, chainId, contractAddress, startBlock });
  details.push(...report.missing, ...report.extra, ...report.changed, ...report.payloads);
  return {
    missing: missing + report.missing.length,
    duplicated: duplicated + report.extra.length,
    changed: report.changed.length + report.payloads.length,
    details,
  };
}
