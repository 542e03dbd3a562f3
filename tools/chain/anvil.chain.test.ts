import { mkdtemp, rm } from "node:fs/promises";
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
): Promise<T> {
  const anvil = await startAnvil({ port: await findFreePort(), stateFile });
  const provider = createProvider(anvil.rpcUrl, 31337);
  try {
    return await use(provider, anvil);
  } finally {
    provider.destroy();
    if (end === "stop") await anvil.stop();
    else anvil.kill();
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

describe("startAnvil", () => {
  it("explains a port that is already in use", async () => {
    const { port } = new URL(inject("rpcUrl"));
    await expect(startAnvil({ port: Number(port) })).rejects.toThrow(
      `Port ${port} is already in use`,
    );
  });
});
