import { id } from "ethers";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createProvider } from "@/lib/chain/provider";
import type { Db } from "@/lib/db/client";
import {
  deployLotTrackerFixture,
  type LotTrackerFixture,
} from "@/tools/testing/lot-tracker-fixture";
import { type RpcProxy, type RpcRequest, startRpcProxy } from "@/tools/testing/rpc-proxy";
import { createTestDatabase, type TestDatabase } from "@/tools/testing/test-database";
import { type IndexerSource, indexNextBatch } from "./indexer";

// Issue 13, finding 11: hosted nodes refuse wide eth_getLogs ranges, and a node behind a load
// balancer can lag the one answered before. Neither may stop the indexer or empty the read model.

const CHAIN_ID = 31337;
const GTIN = "09506000134352";
const chain = createProvider(inject("rpcUrl"), CHAIN_ID);

let database: TestDatabase;
let db: Db;
let fixture: LotTrackerFixture;
let node: RpcProxy;
let source: IndexerSource;
const lines: string[] = [];

async function indexUntilCaughtUp(): Promise<void> {
  while ((await indexNextBatch(source)).blocks > 0);
}

/** The number of blocks an eth_getLogs request asks for. */
function widthOf(request: RpcRequest): number {
  const [filter] = request.params as [{ fromBlock: string; toBlock: string }];
  return Number(filter.toBlock) - Number(filter.fromBlock) + 1;
}

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  fixture = await deployLotTrackerFixture(chain);
  node = await startRpcProxy(inject("rpcUrl"));
  source = {
    db,
    provider: createProvider(node.url, CHAIN_ID),
    chainId: CHAIN_ID,
    contractAddress: fixture.address,
    startBlock: fixture.blockNumber,
    confirmations: 0,
    log: (line) => lines.push(line),
  };
});

afterAll(async () => {
  source.provider.destroy();
  await node.close();
  await database.drop();
});

describe("the indexer against a node with limits", () => {
  it("reads fewer blocks at a time after the node refuses a wide range, and more again later", async () => {
    for (const code of ["WIDE-1", "WIDE-2", "WIDE-3"])
      await fixture.createLot(GTIN, code, id(code));
    await chain.send("anvil_mine", ["0x10"]);
    let limit = 4;
    const accepted: number[] = [];
    node.intercept = (request) => {
      if (request.method !== "eth_getLogs") return undefined;
      if (widthOf(request) > limit) {
        return { error: { code: -32005, message: `query exceeds max block range ${limit}` } };
      }
      accepted.push(widthOf(request));
      return undefined;
    };
    await indexUntilCaughtUp();
    expect(await db.lot.count()).toBe(3);
    expect(Math.max(...accepted)).toBeLessThanOrEqual(4);
    expect(lines.some((line) => line.includes("the node refused blocks"))).toBe(true);

    limit = Number.POSITIVE_INFINITY;
    accepted.length = 0;
    await chain.send("anvil_mine", ["0x200"]);
    await indexUntilCaughtUp();
    expect(Math.max(...accepted)).toBeGreaterThanOrEqual(32);
    const checkpoint = await db.indexerCheckpoint.findUniqueOrThrow({
      where: { chainId: CHAIN_ID },
    });
    expect(checkpoint.blockNumber).toBe(await chain.getBlockNumber());
  });

  it("waits for a node that lags behind the checkpoint instead of rolling the read model back", async () => {
    await fixture.createLot(GTIN, "LAG-1", id("LAG-1"));
    await fixture.createLot(GTIN, "LAG-2", id("LAG-2"));
    await indexUntilCaughtUp();
    const before = { events: await db.ledgerEvent.count(), lots: await db.lot.count() };
    const checkpoint = await db.indexerCheckpoint.findUniqueOrThrow({
      where: { chainId: CHAIN_ID },
    });
    const lagHead = checkpoint.blockNumber - 2;
    node.intercept = (request) => {
      if (request.method === "eth_blockNumber") return { result: `0x${lagHead.toString(16)}` };
      const [tag] = request.params as [string];
      if (request.method === "eth_getBlockByNumber" && Number(tag) > lagHead)
        return { result: null };
      return undefined;
    };
    expect(await indexNextBatch(source)).toEqual({ blocks: 0, events: 0, quarantined: 0 });
    expect(await indexNextBatch(source)).toEqual({ blocks: 0, events: 0, quarantined: 0 });
    expect({ events: await db.ledgerEvent.count(), lots: await db.lot.count() }).toEqual(before);
    expect(lines.at(-1)).toBe(
      `indexer: the node has no block ${checkpoint.blockNumber} (its head is ${lagHead}); waiting for it to catch up`,
    );

    node.intercept = () => undefined; // caught up
    await fixture.createLot(GTIN, "LAG-3", id("LAG-3"));
    await indexUntilCaughtUp();
    expect(await db.lot.count()).toBe(before.lots + 1);
    expect(lines.some((line) => line.includes("reorganised"))).toBe(false);
  });
});
