import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createProvider } from "@/lib/chain/provider";
import { deployLotTracker } from "@/tools/chain/deploy";
import { createTestDatabase, type TestDatabase } from "@/tools/testing/test-database";
import { ensureLotTracker } from "./contract";

// A restart finds the LotTracker its database follows and recognises it as this build, although
// the deployed code differs from the compiler's where the constructor wrote its immutables (the
// EIP-712 domain's chain id and address); a contract of another build is still refused.

const CHAIN_ID = 31337;
let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database?.drop();
});

describe("ensureLotTracker on restart", () => {
  it("recognises the LotTracker it deployed, immutables and all, and deploys nothing new", async () => {
    const provider = createProvider(inject("rpcUrl"), CHAIN_ID);
    const deployer = await provider.getSigner(0);
    const options = { db: database.db, provider, chainId: CHAIN_ID, deployer };
    const first = await ensureLotTracker(options);
    expect(first.isNew).toBe(true);
    const again = await ensureLotTracker(options);
    expect(again).toEqual({ ...first, isNew: false });
  });

  it("refuses a database that follows a contract of another build", async () => {
    const provider = createProvider(inject("rpcUrl"), CHAIN_ID);
    const other = await createTestDatabase();
    try {
      const { address, blockNumber } = await deployLotTracker(await provider.getSigner(0));
      await other.db.contractDeployment.create({
        data: { chainId: CHAIN_ID, address, blockNumber, txHash: "0x" },
      });
      const code = await provider.getCode(address);
      // Changing one byte outside the immutables makes it another build.
      await provider.send("anvil_setCode", [address, `${code.slice(0, -2)}ff`]);
      await expect(ensureLotTracker({ db: other.db, provider, chainId: CHAIN_ID })).rejects.toThrow(
        `LotTracker ${address} on chain ${CHAIN_ID} was deployed from another version of contracts/LotTracker.sol than this checkout's`,
      );
    } finally {
      await other.drop();
    }
  });
});
