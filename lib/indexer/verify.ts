import "server-only";
import type { Interface } from "ethers";
import { LotTracker__factory } from "@/lib/chain/generated";
import { findStoredPayloads } from "@/lib/chain/payload";
import type { NodeProvider } from "@/lib/chain/provider";
import type { Db } from "@/lib/db/client";
import { type DecodedLog, decodeLogs, type EventArgs, type RejectedLog } from "./decode";
import { expandBatchLogs } from "./expand-batch";
import { getContractLogs } from "./get-logs";
import { listQuarantinedEvents } from "./quarantine";

export type VerifySource = {
  db: Db;
  provider: NodeProvider;
  chainId: number;
  contractAddress: string;
  startBlock: number;
};

export type VerifyReport = {
  checkedEvents: number;
  toBlock: number;
  missing: string[];
  extra: string[];
  changed: string[];
  payloads: string[];
  /**
   * Events on the chain the indexer could not apply and keeps in quarantine, each with its reason:
   * accounted for, so neither missing nor a difference, but named until someone looks.
   */
  quarantined: string[];
};

const lotTracker: Interface = LotTracker__factory.createInterface();
const RANGE = 5_000;

/**
 * Re-reads every LotTracker log from the deployment block to the indexer's checkpoint and compares it
 * with the database: events missing from it, extra in it, or changed; payloads that no longer hash
 * to the value the chain holds; and the events held in quarantine, with their reasons. Each is one
 * line a person can act on.
 */
export async function verifyLedger(source: VerifySource): Promise<VerifyReport> {
  const { db, chainId } = source;
  const checkpoint = await db.indexerCheckpoint.findUnique({ where: { chainId } });
  const toBlock = checkpoint?.blockNumber ?? source.startBlock - 1;
  const logs: DecodedLog[] = [];
  const undecodable = new Map<string, RejectedLog>();
  for (let from = source.startBlock; from <= toBlock; from += RANGE) {
    const to = Math.min(toBlock, from + RANGE - 1);
    // The indexer's own log reader, so verify reads exactly what the indexer reads, as fast.
    const rejected: RejectedLog[] = [];
    logs.push(
      ...decodeLogs(
        lotTracker,
        await getContractLogs(source.provider, source.contractAddress, from, to),
        rejected,
      ),
    );
    for (const log of rejected) undecodable.set(keyOf(log), log);
  }
  // Batch logs expanded as the indexer expands them: one row per lot. A whole answer to a shipment
  // never handed off cannot be, and is quarantined by the indexer as a log that does not decode is.
  const expansion = expandBatchLogs(logs, new Map());
  for (const log of expansion.rejected) undecodable.set(keyOf(log), log);
  const onChain = new Map<string, DecodedLog>();
  const rowKeysOfLog = new Map<string, string[]>();
  for (const event of expansion.expanded) {
    const key = rowKeyOf(event);
    onChain.set(key, event);
    rowKeysOfLog.set(keyOf(event), [...(rowKeysOfLog.get(keyOf(event)) ?? []), key]);
  }
  const stored = await db.ledgerEvent.findMany({
    where: { chainId },
    orderBy: [{ blockNumber: "asc" }, { txIndex: "asc" }, { logIndex: "asc" }],
  });
  const report: VerifyReport = {
    checkedEvents: logs.length + undecodable.size - expansion.rejected.length,
    toBlock,
    missing: [],
    extra: [],
    changed: [],
    payloads: [],
    quarantined: [],
  };
  const seen = new Set<string>();
  for (const row of await listQuarantinedEvents(db, chainId)) {
    const key = keyOf(row);
    seen.add(key);
    const rowKeys = rowKeysOfLog.get(key) ?? [];
    for (const rowKey of rowKeys) seen.add(rowKey);
    const onChainHash = (onChain.get(rowKeys[0] ?? "") ?? undecodable.get(key))?.blockHash;
    if (onChainHash === undefined || onChainHash !== row.blockHash) {
      report.extra.push(`extra: quarantined ${row.name} at ${key} is not on the chain`);
    } else {
      report.quarantined.push(
        `quarantined: ${row.name} at ${key} (block ${row.blockNumber}) was not applied: ${row.reason}`,
      );
    }
  }
  for (const row of stored) {
    const key = rowKeyOf({ ...row, args: row.args as EventArgs });
    if (seen.has(key)) report.extra.push(`extra: ${row.name} at ${key} is also in quarantine`);
    seen.add(key);
    const event = onChain.get(key);
    if (!event) {
      report.extra.push(`extra: ${row.name} at ${key} is in the database but not on the chain`);
    } else if (
      event.name !== row.name ||
      event.blockHash !== row.blockHash ||
      !sameArgs(event.args, row.args)
    ) {
      report.changed.push(`changed: ${row.name} at ${key} differs from the chain`);
    }
  }
  for (const [key, event] of [...onChain, ...undecodable]) {
    if (!seen.has(key))
      report.missing.push(
        `missing: ${event.name} at ${key} is on the chain but not in the database`,
      );
  }
  const payloads = await findStoredPayloads(
    db,
    stored.map((row) => row.payloadHash),
  );
  for (const hash of payloads.bodies.keys()) {
    if (!payloads.isIntact(hash)) {
      report.payloads.push(
        `payload: ${hash} no longer hashes to its on-chain value (it was changed in the database)`,
      );
    }
  }
  return report;
}

function keyOf(event: { txHash: string; logIndex: number }): string {
  return `${event.txHash}#${event.logIndex}`;
}

/** A LedgerEvent row's key: its log's, and for a row of an expanded batch log, its lot's id too. */
function rowKeyOf(event: { txHash: string; logIndex: number; args: EventArgs }): string {
  const isExpanded = "shipment" in event.args || "sscc" in event.args;
  return isExpanded ? `${keyOf(event)} lot ${String(event.args.lotId)}` : keyOf(event);
}

function sameArgs(chain: EventArgs, stored: unknown): boolean {
  const row = stored as EventArgs;
  const keys = Object.keys(chain);
  return (
    keys.length === Object.keys(row).length &&
    keys.every((key) => canonical(chain[key]) === canonical(row[key]))
  );
}

/** A value as text, a struct's fields in name order: jsonb keeps its keys in an order of its own. */
function canonical(value: unknown): string {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return JSON.stringify(value);
  }
  return JSON.stringify(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)));
}
