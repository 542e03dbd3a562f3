import { Interface, type JsonRpcProvider, toQuantity } from "ethers";
import { lotTrackerAbi } from "@/lib/chain/generated";

// The trace tests' independent answer: lineage and recall status rebuilt from LotTracker's raw logs
// (eth_getLogs and the ABI, through ethers' own decoder), with a plain breadth-first search. Nothing
// here reads the database or shares code with the indexer or lib/trace.

export type LogLineage = {
  lots: Set<string>;
  parents: Map<string, string[]>;
  children: Map<string, string[]>;
  /** Lots recalled and not lifted since. */
  recalled: Set<string>;
};

type RpcLog = { topics: string[]; data: string };

export async function readLineageFromLogs(
  provider: JsonRpcProvider,
  address: string,
  fromBlock: number,
): Promise<LogLineage> {
  const logs: RpcLog[] = await provider.send("eth_getLogs", [
    { address, fromBlock: toQuantity(fromBlock), toBlock: "latest" },
  ]);
  const contract = new Interface(lotTrackerAbi);
  const lineage: LogLineage = {
    lots: new Set(),
    parents: new Map(),
    children: new Map(),
    recalled: new Set(),
  };
  for (const log of logs) {
    const event = contract.parseLog(log);
    const lotId = event?.args.getValue("lotId") as string | undefined;
    if (!event || !lotId) continue;
    if (event.name === "LotCreated") lineage.lots.add(lotId);
    if (event.name === "LotRecalled") lineage.recalled.add(lotId);
    if (event.name === "LotRecallLifted") lineage.recalled.delete(lotId);
    if (event.name === "LotDerived") {
      lineage.lots.add(lotId);
      for (const parentId of event.args.getValue("parentIds") as string[]) {
        lineage.parents.set(lotId, [...(lineage.parents.get(lotId) ?? []), parentId]);
        lineage.children.set(parentId, [...(lineage.children.get(parentId) ?? []), lotId]);
      }
    }
  }
  return lineage;
}

/** Breadth-first distances from `start` along `next` (parents or children), `start` at 0. */
export function distancesFrom(start: string, next: Map<string, string[]>): Map<string, number> {
  const distances = new Map([[start, 0]]);
  const queue = [start];
  while (queue.length > 0) {
    const id = queue.shift() as string;
    for (const to of next.get(id) ?? []) {
      if (distances.has(to)) continue;
      distances.set(to, (distances.get(id) as number) + 1);
      queue.push(to);
    }
  }
  return distances;
}

/** The links among a set of lots, as "parent>child" strings that sort and compare. */
export function linksAmong(lots: Set<string>, parents: Map<string, string[]>): string[] {
  return [...lots]
    .flatMap((child) =>
      (parents.get(child) ?? []).filter((p) => lots.has(p)).map((p) => `${p}>${child}`),
    )
    .sort();
}
