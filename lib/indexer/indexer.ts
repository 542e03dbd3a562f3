import type { JsonRpcProvider } from "ethers";
import { LotTracker__factory } from "@/lib/chain/generated";
import type { Db } from "@/lib/db/client";
import { applyLedgerEvent } from "./apply-event";
import { getIndexedBlock } from "./checkpoint";
import { type DecodedLog, decodeLogs } from "./decode";
import { isCheckpointOrphaned, rollBackToCommonAncestor } from "./reorg";

export type IndexerSource = {
  db: Db;
  provider: JsonRpcProvider;
  chainId: number;
  contractAddress: string;
  /** The contract's deployment block: nothing before it can hold its logs. */
  startBlock: number;
  /** Blocks to leave unindexed behind the head, for networks that reorganise. */
  confirmations: number;
  batchSize?: number;
  log?: (line: string) => void;
};

const lotTracker = LotTracker__factory.createInterface();

/**
 * Reads the next range of blocks into the database: the events, the lots they change and the
 * checkpoint in one transaction, so a crash leaves either all of it or none. Returns how many
 * blocks and events it covered (0 blocks when it is caught up).
 */
export async function indexNextBatch(
  source: IndexerSource,
): Promise<{ blocks: number; events: number }> {
  const { db, provider, chainId } = source;
  if (await isCheckpointOrphaned(db, provider, chainId)) {
    const ancestor = await rollBackToCommonAncestor(db, provider, source);
    source.log?.(`indexer: the chain reorganised; rolled back to block ${ancestor} and replaying`);
    return { blocks: 1, events: 0 };
  }
  const fromBlock = Math.max(source.startBlock, (await getIndexedBlock(db, chainId)) + 1);
  const head = (await provider.getBlockNumber()) - source.confirmations;
  const toBlock = Math.min(head, fromBlock + (source.batchSize ?? 2_000) - 1);
  if (toBlock < fromBlock) return { blocks: 0, events: 0 };

  const [logs, lastBlock] = await Promise.all([
    provider.getLogs({ address: source.contractAddress, fromBlock, toBlock }),
    provider.getBlock(toBlock),
  ]);
  if (!lastBlock?.hash) throw new Error(`The chain returned no block ${toBlock}; retrying.`);
  const events = decodeLogs(lotTracker, logs);

  await db.$transaction(async (tx) => {
    await tx.ledgerEvent.createMany({
      data: events.map((e) => ({
        chainId,
        blockNumber: e.blockNumber,
        blockHash: e.blockHash,
        txHash: e.txHash,
        txIndex: e.txIndex,
        logIndex: e.logIndex,
        name: e.name,
        lotId: argOf(e, "lotId") ?? "",
        actor: argOf(e, "custodian") ?? argOf(e, "actor") ?? argOf(e, "account") ?? "",
        payloadHash: argOf(e, "payloadHash") ?? argOf(e, "reasonHash") ?? null,
        args: e.args,
      })),
      skipDuplicates: true,
    });
    for (const event of events) await applyLedgerEvent(tx, chainId, event);
    await tx.indexerCheckpoint.upsert({
      where: { chainId },
      create: { chainId, blockNumber: toBlock, blockHash: lastBlock.hash as string },
      update: { blockNumber: toBlock, blockHash: lastBlock.hash as string },
    });
  });
  return { blocks: toBlock - fromBlock + 1, events: events.length };
}

function argOf(event: DecodedLog, name: string): string | undefined {
  const value = event.args[name];
  return typeof value === "string" ? value : undefined;
}
