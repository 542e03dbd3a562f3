import "server-only";
import { isLedgerUnreachable } from "@/lib/chain/errors";
import { LotTracker__factory } from "@/lib/chain/generated";
import type { NodeProvider } from "@/lib/chain/provider";
import type { Db } from "@/lib/db/client";
import { nextBlockRange, rangeAccepted, rangeRefused } from "./block-range";
import { type DecodedLog, decodeLogs, type RejectedLog } from "./decode";
import { getContractLogs } from "./get-logs";
import { checkCheckpoint, rollBackToCommonAncestor } from "./reorg";
import { writeBatch } from "./write-batch";

export type IndexerSource = {
  db: Db;
  provider: NodeProvider;
  chainId: number;
  contractAddress: string;
  /** The contract's deployment block: nothing before it can hold its logs. */
  startBlock: number;
  /** Blocks to leave unindexed behind the head, for networks that reorganise. */
  confirmations: number;
  /** The most blocks one batch reads (default 2,000); fewer while the node refuses that many. */
  batchSize?: number;
  /**
   * About the most events one batch writes (default 10,000): a batch ends after the block holding
   * the last event that fits, so one block with more events still goes in whole.
   */
  maxBatchEvents?: number;
  /**
   * How long a node may answer no block at the checkpoint's height before the indexer takes it for
   * a chain that lost those blocks and rolls back (default 30 s). Until then it is a lagging node.
   */
  lagGraceMs?: number;
  log?: (line: string) => void;
};

const lotTracker = LotTracker__factory.createInterface();
const DEFAULT_BATCH_BLOCKS = 2_000;
const DEFAULT_BATCH_EVENTS = 10_000;
const DEFAULT_LAG_GRACE_MS = 30_000;
/** Prisma's 5 s default can expire under load on a full batch, and then no batch ever commits. */
const TRANSACTION_TIMEOUT_MS = 120_000;

/**
 * Reads the next range of blocks into the database: the events, the lots they change, the events
 * it cannot apply (quarantined) and the checkpoint in one transaction, so a crash leaves either all
 * of it or none. Returns how many blocks and events it covered (0 blocks when it is caught up, or
 * waiting for a node that is behind the checkpoint).
 */
export async function indexNextBatch(
  source: IndexerSource,
): Promise<{ blocks: number; events: number; quarantined: number }> {
  const { db, provider, chainId } = source;
  const lagGraceMs = source.lagGraceMs ?? DEFAULT_LAG_GRACE_MS;
  const state = await checkCheckpoint(db, provider, { chainId, lagGraceMs, log: source.log });
  if (state === "orphaned") {
    const ancestor = await rollBackToCommonAncestor(db, provider, source);
    source.log?.(`indexer: the chain reorganised; rolled back to block ${ancestor} and replaying`);
    return { blocks: 1, events: 0, quarantined: 0 };
  }
  if (state === "behind") return { blocks: 0, events: 0, quarantined: 0 };
  const maxEvents = source.maxBatchEvents ?? DEFAULT_BATCH_EVENTS;
  const fromBlock = Math.max(source.startBlock, (await getIndexedBlock(db, chainId)) + 1);
  const head = (await provider.getBlockNumber()) - source.confirmations;
  if (head < fromBlock) return { blocks: 0, events: 0, quarantined: 0 };

  const read = await readBlocks(source, fromBlock, head);
  const undecodable: RejectedLog[] = [];
  const fetched = decodeLogs(lotTracker, read.logs, undecodable);
  const { events, toBlock, toBlockHash } = cutAtBlock(
    fetched,
    maxEvents,
    read.lastBlock,
    read.hash,
  );
  const quarantined = await db.$transaction(
    (tx) =>
      writeBatch(tx, {
        chainId,
        events,
        undecodable: undecodable.filter((log) => log.blockNumber <= toBlock),
        toBlock,
        toBlockHash,
      }),
    { timeout: TRANSACTION_TIMEOUT_MS },
  );
  if (quarantined > 0) {
    source.log?.(
      `indexer: quarantined ${quarantined} event(s) of blocks ${fromBlock}–${toBlock} it cannot apply; \`npm run verify\` names them`,
    );
  }
  return { blocks: toBlock - fromBlock + 1, events: events.length, quarantined };
}

/**
 * The logs of the next range of blocks from `fromBlock`, and the last block's hash. A node that
 * refuses the range (too many blocks or logs for it) is asked for half as many, down to one block;
 * an unreachable node is not a refusal and fails the call.
 */
async function readBlocks(source: IndexerSource, fromBlock: number, head: number) {
  const { provider, contractAddress } = source;
  const maxBlocks = source.batchSize ?? DEFAULT_BATCH_BLOCKS;
  const maxEvents = source.maxBatchEvents ?? DEFAULT_BATCH_EVENTS;
  const key = `${source.chainId}:${contractAddress.toLowerCase()}`;
  let lastBlock = Math.min(head, fromBlock + nextBlockRange(key, maxBlocks) - 1);
  for (;;) {
    let read: [
      Awaited<ReturnType<typeof getContractLogs>>,
      Awaited<ReturnType<typeof provider.getBlock>>,
    ];
    try {
      read = await Promise.all([
        getContractLogs(provider, contractAddress, fromBlock, lastBlock),
        provider.getBlock(lastBlock),
      ]);
    } catch (error) {
      const tried = lastBlock - fromBlock + 1;
      if (isLedgerUnreachable(error) || tried === 1) throw error;
      const blocks = rangeRefused(key, tried, maxBlocks);
      source.log?.(
        `indexer: the node refused blocks ${fromBlock}–${lastBlock} (${firstLine(error)}); reading ${blocks} at a time until it accepts more`,
      );
      lastBlock = fromBlock + blocks - 1;
      continue;
    }
    const [logs, block] = read;
    // A lagging node behind a load balancer: not a reorg, and nothing to read there yet.
    if (!block?.hash) throw new Error(`The chain returned no block ${lastBlock}; retrying.`);
    rangeAccepted(key, {
      blocks: lastBlock - fromBlock + 1,
      events: logs.length,
      maxBlocks,
      maxEvents,
    });
    return { logs, lastBlock, hash: block.hash };
  }
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split("\n")[0] ?? "";
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
