import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { id, type JsonRpcProvider } from "ethers";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { LotTracker__factory } from "@/lib/chain/generated";
import { encodeLotCode, lotIdOf } from "@/lib/chain/lot-id";
import { createProvider, grantLotTrackerRole, receiptOf } from "@/lib/chain/provider";
import { roleForOrganizationKind } from "@/lib/organizations";
import { deployLotTracker } from "@/tools/chain/deploy";
import { grantTestPrefixes } from "@/tools/testing/company-prefixes";
import { type AnvilProcess, findFreePort, startAnvil } from "./anvil";

const GTIN = "00614141000012";
let directory: string;

beforeAll(async () => {
  directory = await mkdtemp(path.join(tmpdir(), "lotledger-anvil-"));
});

afterAll(() => rm(directory, { recursive: true, force: true }));

/** Runs `use` against a fresh anvil on `stateFile`, and always stops or kills it afterwards. */
async function withAnvil<T>(
  stateFile: string,
  use: (provider: JsonRpcProvider, anvil: AnvilProcess) => Promise<T>,
  end: "stop" | "kill" = "stop",
  goodCopyEveryMs?: number,
): Promise<T> {
  const anvil = await startAnvil({ port: await findFreePort(), stateFile, goodCopyEveryMs });
  const provider = createProvider(anvil.rpcUrl, 31337);
  try {
    return await use(provider, anvil);
  } finally {
    provider.destroy();
    if (end === "stop") await anvil.stop();
    else await anvil.kill();
  }
}

/** Deploys LotTracker and creates one lot; returns what must survive a restart. */
async function recordLot(provider: JsonRpcProvider, lotCode: string) {
  const admin = await provider.getSigner(0);
  const { address } = await deployLotTracker(admin);
  const tracker = LotTracker__factory.connect(address, admin);
  await grantLotTrackerRole(tracker, roleForOrganizationKind("FARM"), admin.address);
  await grantTestPrefixes(tracker, admin.address);
  const tx = await tracker.createLot(BigInt(GTIN), encodeLotCode(lotCode), id("p"), id("s"));
  const receipt = await receiptOf(provider, tx.hash);
  return { address, blockHash: receipt.blockHash, txHash: receipt.hash };
}

async function expectLotSurvived(
  provider: JsonRpcProvider,
  lot: Awaited<ReturnType<typeof recordLot>>,
  lotCode: string,
) {
  const tracker = LotTracker__factory.connect(lot.address, provider);
  expect(await provider.getCode(lot.address)).not.toBe("0x");
  const logs = await tracker.queryFilter(tracker.filters.LotCreated(), 0);
  expect(logs.map((log) => [log.transactionHash, log.blockHash, log.args.lotId])).toEqual([
    [lot.txHash, lot.blockHash, lotIdOf(GTIN, lotCode)],
  ]);
  expect(await tracker.statusOf(lotIdOf(GTIN, lotCode))).toBe(1n);
}

describe("startAnvil with a state file", () => {
  it("keeps contracts, blocks and logs across a stop and a start", async () => {
    const stateFile = path.join(directory, "graceful", "state.json");
    const lot = await withAnvil(stateFile, (provider) => recordLot(provider, "GRACEFUL"));
    await withAnvil(stateFile, (provider) => expectLotSurvived(provider, lot, "GRACEFUL"));
  });

  it("keeps what was saved at the last interval when killed", async () => {
    const stateFile = path.join(directory, "killed", "state.json");
    const lot = await withAnvil(
      stateFile,
      async (provider) => {
        const recorded = await recordLot(provider, "KILLED");
        // anvil saves every second (--state-interval 1); SIGKILL loses only what came after.
        await new Promise((resolve) => setTimeout(resolve, 2_500));
        return recorded;
      },
      "kill",
    );
    await withAnvil(stateFile, (provider) => expectLotSurvived(provider, lot, "KILLED"));
  });
});

describe("startAnvil with a state file a kill cut short", () => {
  it("starts from the last good copy, saying how many blocks were lost", async () => {
    const stateFile = path.join(directory, "torn", "state.json");
    const { lot, goodHead } = await withAnvil(
      stateFile,
      async (provider, anvil) => {
        const recorded = await recordLot(provider, "TORN");
        await new Promise((resolve) => setTimeout(resolve, 1_500)); // anvil saved it
        expect(await anvil.saveGoodCopy()).toBe(true);
        const head = await provider.getBlockNumber();
        await provider.send("anvil_mine", ["0x5"]);
        await new Promise((resolve) => setTimeout(resolve, 1_500)); // saved, the copy not refreshed
        return { lot: recorded, goodHead: head };
      },
      "kill",
      3_600_000, // the good copy is refreshed by hand, to know which blocks it holds
    );
    // As a SIGKILL in the middle of anvil's rewrite leaves it.
    const text = await readFile(stateFile, "utf8");
    await writeFile(stateFile, text.slice(0, text.length / 2));

    const lines: string[] = [];
    const anvil = await startAnvil({
      port: await findFreePort(),
      stateFile,
      log: (l) => lines.push(l),
    });
    const provider = createProvider(anvil.rpcUrl, 31337);
    try {
      expect(lines).toEqual([
        `the embedded chain's state file was cut short (kept as state.json.damaged): starting from the last good copy, at block ${goodHead}; 5 block(s) (${goodHead + 1} to ${goodHead + 5}) were lost. The sender sends their writes again and the indexer rolls back what the chain no longer has.`,
      ]);
      expect(await provider.getBlockNumber()).toBe(goodHead);
      await expectLotSurvived(provider, lot, "TORN");
    } finally {
      provider.destroy();
      await anvil.stop();
    }
  });

  it("refuses with a sentence when there is no good copy to start from", async () => {
    const stateFile = path.join(directory, "torn-alone", "state.json");
    await mkdir(path.dirname(stateFile), { recursive: true });
    await writeFile(stateFile, '{"block":{"number":"0x9","benefi');
    await expect(startAnvil({ port: await findFreePort(), stateFile })).rejects.toThrow(
      /state file .* is damaged \(it does not parse\) and there is no good copy to start from/,
    );
  });
});

describe("startAnvil", () => {
  it("explains a port that is already in use", async () => {
    const { port } = new URL(inject("rpcUrl"));
    await expect(startAnvil({ port: Number(port) })).rejects.toThrow(
      `Port ${port} is already in use`,
    );
  });

  it("with mineEveryMs, mines no empty block while idle, and mines the transactions that wait", async () => {
    const anvil = await startAnvil({ port: await findFreePort(), mineEveryMs: 100 });
    const provider = createProvider(anvil.rpcUrl, 31337);
    try {
      const idleHead = await provider.getBlockNumber();
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(await provider.getBlockNumber()).toBe(idleHead);
      const admin = await provider.getSigner(0);
      const sent = await Promise.all(
        [0, 1, 2].map((nonce) => admin.sendTransaction({ to: admin.address, value: 1n, nonce })),
      );
      const receipts = await Promise.all(sent.map((tx) => receiptOf(provider, tx.hash)));
      expect(receipts.every((receipt) => receipt.status === 1)).toBe(true);
      expect(await provider.getBlockNumber()).toBeGreaterThan(idleHead);
    } finally {
      provider.destroy();
      await anvil.stop();
    }
  });
});
