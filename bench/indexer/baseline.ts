import type { Log } from "ethers";
import { LotTracker__factory } from "@/lib/chain/generated";
import type { DecodedLog, EventArgs } from "@/lib/indexer/decode";
import type { IndexerSource } from "@/lib/indexer/indexer";
import { getIndexedBlock } from "@/lib/indexer/indexer";
import { applyLedgerEvent } from "@/tools/testing/apply-ledger-event";

// The indexer as it was before it was tuned for throughput, kept as the bench's baseline: ethers'
// Interface.parseLog per log, then one awaited applyLedgerEvent (a payload read and an upsert, or an
// update) per event. Same batch range, same single transaction per batch, no reorg check.

const lotTracker = LotTracker__factory.createInterface();
const BATCH_BLOCKS = 2_000;

export async function indexNextBatchBaseline(
  source: IndexerSource,
): Promise<{ blocks: number; events: number }> {
  const { db, provider, chainId } = source;
  const fromBlock = Math.max(source.startBlock, (await getIndexedBlock(db, chainId)) + 1);
  const head = (await provider.getBlockNumber()) - source.confirmations;
  const toBlock = Math.min(head, fromBlock + BATCH_BLOCKS - 1);
  if (toBlock < fromBlock) return { blocks: 0, events: 0 };
  const [logs, lastBlock] = await Promise.all([
    provider.getLogs({ address: source.contractAddress, fromBlock, toBlock }),
    provider.getBlock(toBlock),
  ]);
  if (!lastBlock?.hash) throw new Error(`The chain returned no block ${toBlock}.`);
  const events = decodeWithParseLog(logs);
  await db.$transaction(
    async (tx) => {
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
    },
    // One batch can hold every seeded event: far past Prisma's 5 s default.
    { timeout: 600_000 },
  );
  return { blocks: toBlock - fromBlock + 1, events: events.length };
}

function decodeWithParseLog(logs: readonly Log[]): DecodedLog[] {
  const decoded: DecodedLog[] = [];
  for (const log of logs) {
    const parsed = lotTracker.parseLog({ topics: [...log.topics], data: log.data });
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

function argOf(event: DecodedLog, name: string): string | undefined {
  const value = event.args[name];
  return typeof value === "string" ? value : undefined;
}
