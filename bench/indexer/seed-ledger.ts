import { toBeHex, ZeroHash } from "ethers";
import { LotTracker__factory } from "@/lib/chain/generated";
import { encodeLotCode, lotIdOf } from "@/lib/chain/lot-id";
import { hashPayload, type PayloadValue } from "@/lib/chain/payload";
import { lotPayload } from "@/tools/testing/lot-payload";

// Seeds LotTracker with many events fast: one transaction at a time with receipts runs at ~140 tx/s
// here (6 minutes for 50,000). Instead anvil's unlocked dev accounts sign, automine is off, the
// transactions go out as JSON-RPC batches with explicit nonces and gas (no estimate per transaction),
// and each round is mined with `evm_mine` until the pool is empty.

export type SeedAccounts = { producer: string; carrier: string };
export type SeedResult = {
  fromBlock: number;
  toBlock: number;
  seconds: number;
  /** The off-chain payload of every created lot, as the app stores it before sending. */
  payloads: { hash: string; body: PayloadValue }[];
};

const GTIN = "09506000134352";
/** Lots created per round; a third of them are handed off in the round, accepted in the next. */
const LOTS_PER_ROUND = 600;
const RPC_BATCH = 500;
/** Enough for each call (createLot, handoff, accept); a fixed limit spares an estimate per call. */
const GAS_LIMIT = toBeHex(100_000);

const lotTracker = LotTracker__factory.createInterface();
type Call = { from: string; data: string };

/**
 * Sends `events` LotTracker transactions, one event each: 60% createLot, 20% handoff to the carrier
 * and 20% the carrier's acceptance, interleaved over rounds so a lot's events span blocks.
 */
export async function seedLedger(
  rpcUrl: string,
  contract: string,
  accounts: SeedAccounts,
  events: number,
): Promise<SeedResult> {
  const started = performance.now();
  const handoffs = Math.floor(events / 5);
  const creates = events - 2 * handoffs;
  const rpc = jsonRpc(rpcUrl);
  const payloads: SeedResult["payloads"] = [];
  const nonces = new Map<string, number>();
  for (const account of [accounts.producer, accounts.carrier]) {
    nonces.set(account, Number(await rpc.call("eth_getTransactionCount", [account, "pending"])));
  }
  const fromBlock = Number(await rpc.call("eth_blockNumber", [])) + 1;
  // Full blocks raise the base fee 12.5% a block, until the fee a transaction was sent with no
  // longer covers it and anvil drops it. At zero it stays zero.
  await rpc.call("anvil_setNextBlockBaseFeePerGas", ["0x0"]);
  await rpc.call("evm_setAutomine", [false]);
  try {
    let handedOff = 0;
    let toAccept: string[] = [];
    for (let first = 0; first < creates || toAccept.length > 0; first += LOTS_PER_ROUND) {
      const producerCalls: Call[] = [];
      const handedOffNow: string[] = [];
      for (let lot = first; lot < Math.min(creates, first + LOTS_PER_ROUND); lot++) {
        const lotCode = `BENCH-${lot}`;
        const body = lotPayload(GTIN, lotCode, "12.5");
        const hash = hashPayload(body);
        payloads.push({ hash, body });
        producerCalls.push(createLot(accounts.producer, lotCode, hash));
        if (lot % 3 === 0 && handedOff < handoffs) {
          handedOff++;
          const lotId = lotIdOf(GTIN, lotCode);
          producerCalls.push(handoff(accounts.producer, lotId, accounts.carrier));
          handedOffNow.push(lotId);
        }
      }
      const carrierCalls = toAccept.map((lotId) => accept(accounts.carrier, lotId));
      await Promise.all([
        rpc.sendAll(producerCalls, nonces, contract),
        rpc.sendAll(carrierCalls, nonces, contract),
      ]);
      await mineUntilEmpty(rpc);
      toAccept = handedOffNow;
    }
  } finally {
    await rpc.call("evm_setAutomine", [true]);
  }
  const toBlock = Number(await rpc.call("eth_blockNumber", []));
  return { fromBlock, toBlock, seconds: (performance.now() - started) / 1000, payloads };
}

function createLot(from: string, lotCode: string, payloadHash: string): Call {
  const data = lotTracker.encodeFunctionData("createLot", [
    BigInt(GTIN),
    encodeLotCode(lotCode),
    payloadHash,
    ZeroHash,
  ]);
  return { from, data };
}

function handoff(from: string, lotId: string, recipient: string): Call {
  return { from, data: lotTracker.encodeFunctionData("handoff", [lotId, recipient, ZeroHash]) };
}

function accept(from: string, lotId: string): Call {
  return { from, data: lotTracker.encodeFunctionData("acceptHandoff", [lotId, ZeroHash]) };
}

async function mineUntilEmpty(rpc: JsonRpc): Promise<void> {
  for (;;) {
    const status = (await rpc.call("txpool_status", [])) as { pending: string; queued: string };
    if (Number(status.pending) === 0 && Number(status.queued) === 0) return;
    if (Number(status.pending) === 0) {
      throw new Error(
        "anvil dropped a seeding transaction: later ones wait for its nonce forever.",
      );
    }
    await rpc.call("evm_mine", []);
  }
}

type JsonRpc = ReturnType<typeof jsonRpc>;

function jsonRpc(url: string) {
  let nextId = 1;
  async function batch(calls: [string, unknown[]][]): Promise<unknown[]> {
    const body = calls.map(([method, params]) => ({
      jsonrpc: "2.0",
      id: nextId++,
      method,
      params,
    }));
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    const answers = (await response.json()) as {
      id: number;
      result?: unknown;
      error?: { message: string };
    }[];
    const byId = new Map(answers.map((answer) => [answer.id, answer]));
    return body.map(({ id, method }) => {
      const answer = byId.get(id);
      if (!answer || answer.error) {
        throw new Error(`${method} failed: ${answer?.error?.message ?? "no answer"}`);
      }
      return answer.result;
    });
  }
  return {
    batch,
    async call(method: string, params: unknown[]): Promise<unknown> {
      return (await batch([[method, params]]))[0];
    },
    /** Sends one account's calls in nonce order, RPC_BATCH transactions per request. */
    async sendAll(calls: Call[], nonces: Map<string, number>, to: string): Promise<void> {
      for (let i = 0; i < calls.length; i += RPC_BATCH) {
        const requests = calls
          .slice(i, i + RPC_BATCH)
          .map(({ from, data }): [string, unknown[]] => {
            const nonce = nonces.get(from) ?? 0;
            nonces.set(from, nonce + 1);
            return [
              "eth_sendTransaction",
              [{ from, to, data, gas: GAS_LIMIT, nonce: toBeHex(nonce) }],
            ];
          });
        await batch(requests);
      }
    },
  };
}
