import "server-only";
import { LotTracker__factory } from "@/lib/chain/generated";
import type { NodeProvider } from "@/lib/chain/provider";
import type { Db } from "@/lib/db/client";
import { applyLedgerEvents } from "./apply-batch";
import { type DecodedLog, decodeLogs } from "./decode";
import { getContractLogs } from "./get-logs";
import { isCheckpointOrphaned, rollBackToCommonAncestor } from "./reorg";
import { insertLedgerEvents } from "./write-rows";

export type IndexerSource = {
  db: Db;
  provider: NodeProvider;
  chainId: number;
  contractAddress: string;
  /** The contract's deployment block: nothing before it can hold its logs. */
  startBlock: number;
  /** Blocks to leave unindexed behind the head, for networks that reorganise. */
  confirmations: number;
  /** The most blocks one batch reads (default 2,000). */
  batchSize?: number;
  /**
   * About the most events one batch writes (default 10,000): a batch ends after the block holding
   * the last event that fits, so one block with more events still goes in whole.
   */
  maxBatchEvents?: number;
  log?: (line: string) => void;
};

const lotTracker = LotTracker__factory.createInterface();
const DEFAULT_BATCH_BLOCKS = 2_000;
const DEFAULT_BATCH_EVENTS = 10_000;
/** Prisma's 5 s default can expire under load on a full batch, and then no batch ever commits. */
const TRANSACTION_TIMEOUT_MS = 120_000;

// Blocks to read next, per contract, learned from the last batch's event density: without it a
// crowded chain makes every batch fetch far more logs than it writes. A hint only; any value works.
const nextRange = new Map<string, number>();

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
  const maxBlocks = source.batchSize ?? DEFAULT_BATCH_BLOCKS;
  const maxEvents = source.maxBatchEvents ?? DEFAULT_BATCH_EVENTS;
  const rangeKey = `${chainId}:${source.contractAddress.toLowerCase()}`;
  const range = Math.min(maxBlocks, nextRange.get(rangeKey) ?? maxBlocks);
  const fromBlock = Math.max(source.startBlock, (await getIndexedBlock(db, chainId)) + 1);
  const head = (await provider.getBlockNumber()) - source.confirmations;
  const lastBlock = Math.min(head, fromBlock + range - 1);
  if (lastBlock < fromBlock) return { blocks: 0, events: 0 };

  const [logs, block] = await Promise.all([
    getContractLogs(provider, source.contractAddress, fromBlock, lastBlock),
    provider.getBlock(lastBlock),
  ]);
  if (!block?.hash) throw new Error(`The chain returned no block ${lastBlock}; retrying.`);
  const fetched = decodeLogs(lotTracker, logs);
  const blocksRead = lastBlock - fromBlock + 1;
  nextRange.set(
    rangeKey,
    Math.max(1, Math.floor((blocksRead * maxEvents) / (fetched.length || 1))),
  );
  const { events, toBlock, toBlockHash } = cutAtBlock(fetched, maxEvents, lastBlock, block.hash);

  await db.$transaction(
    async (tx) => {
      await insertLedgerEvents(tx, chainId, events);
      await applyLedgerEvents(tx, chainId, events);
      await tx.indexerCheckpoint.upsert({
        where: { chainId },
        create: { chainId, blockNumber: toBlock, blockHash: toBlockHash },
        update: { blockNumber: toBlock, blockHash: toBlockHash },
      });
    },
    { timeout: TRANSACTION_TIMEOUT_MS },
  );
  return { blocks: toBlock - fromBlock + 1, events: events.length };
}

/**
 * The events of whole blocks, up to the block holding the `maxEvents`-th event (all of the range
 * when it holds fewer), and the last of those blocks with its hash for the checkpoint.
 */
function cutAtBlock(events: DecodedLog[], maxEvents: number, lastBlock: number, lastHash: string) {
  const last = events[maxEvents - 1];
  if (events.length > maxEvents && last) {
    const kept = events.filter((event) => event.blockNumber <= last.blockNumber);
    return { events: kept, toBlock: last.blockNumber, toBlockHash: last.blockHash };
  }
  // Read in two calls: a log of another branch than the block would hide a reorg from the check.
  if (events.some((event) => event.blockNumber === lastBlock && event.blockHash !== lastHash)) {
    throw new Error(`Block ${lastBlock} changed while it was read (a reorg); retrying.`);
  }
  return { events, toBlock: lastBlock, toBlockHash: lastHash };
}

/** The last block the indexer has fully applied for a chain, or -1 before its first batch. */
export async function getIndexedBlock(db: Db, chainId: number): Promise<number> {
  const checkpoint = await db.indexerCheckpoint.findUnique({
    where: { chainId },
    select: { blockNumber: true },
  });
  return checkpoint?.blockNumber ?? -1;
}
