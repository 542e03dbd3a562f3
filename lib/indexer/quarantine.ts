import type { Db, Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import type { RejectedLog } from "./decode";

// Events the indexer could not apply are kept aside, with the reason, so the checkpoint moves past
// them and the rest of the read model (recall banners included) stays current. They are on the
// chain for good: `lotledger verify` and the start-up banner name them until someone looks.

/** Records rejected logs; one already quarantined (a replayed batch) is kept as it was. */
export async function quarantineEvents(
  tx: Tx,
  chainId: number,
  rejected: readonly RejectedLog[],
): Promise<void> {
  if (rejected.length === 0) return;
  await tx.quarantinedEvent.createMany({
    data: rejected.map((log) => ({
      chainId,
      blockNumber: log.blockNumber,
      blockHash: log.blockHash,
      txHash: log.txHash,
      txIndex: log.txIndex,
      logIndex: log.logIndex,
      name: log.name,
      lotId: log.lotId,
      reason: log.reason,
      args: log.args as Prisma.InputJsonObject,
    })),
    skipDuplicates: true,
  });
}

export type QuarantinedEventLine = {
  name: string;
  txHash: string;
  logIndex: number;
  blockNumber: number;
  blockHash: string;
  reason: string;
};

/** The quarantined events of a chain, in chain order. */
export function listQuarantinedEvents(db: Db, chainId: number): Promise<QuarantinedEventLine[]> {
  return db.quarantinedEvent.findMany({
    where: { chainId },
    orderBy: [{ blockNumber: "asc" }, { txIndex: "asc" }, { logIndex: "asc" }],
    select: {
      name: true,
      txHash: true,
      logIndex: true,
      blockNumber: true,
      blockHash: true,
      reason: true,
    },
  });
}

/** How many events of a chain the indexer holds in quarantine: the start-up banner tells a non-zero. */
export function countQuarantinedEvents(db: Db, chainId: number): Promise<number> {
  return db.quarantinedEvent.count({ where: { chainId } });
}

/** The banner line for `count` quarantined events, or null when there are none. */
export function quarantineBanner(count: number): string | null {
  if (count === 0) return null;
  const events = count === 1 ? "1 ledger event is" : `${count} ledger events are`;
  const them = count === 1 ? "it" : "them";
  return `⚠ ${events} quarantined: the indexer could not apply ${them} and moved on; \`npm run verify\` names each with the reason`;
}
