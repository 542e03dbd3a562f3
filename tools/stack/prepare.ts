import { Wallet } from "ethers";
import { LotTracker__factory } from "@/lib/chain/generated";
import { createProvider } from "@/lib/chain/provider";
import { createPrismaClient, type Db } from "@/lib/db/client";
import { deployMigrations } from "@/tools/db/migrate";
import { readChainId } from "./chain-id";
import { ensureLotTracker } from "./contract";
import { fundFrom, seedDemoData } from "./seed";

/** anvil's and Hardhat's local development chain. */
export const LOCAL_CHAIN_ID = 31337;
// anvil's first pre-funded development account: public knowledge, usable on a local chain only.
export const ANVIL_DEV_KEY = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";

export type PreparedLedger = {
  db: Db;
  chainId: number;
  contractAddress: string;
  deploymentBlock: number;
};

/**
 * Everything between "a database and a chain answer" and "the app can run": the chain id checked,
 * migrations applied, LotTracker deployed or adopted, the demo organisations seeded with their
 * on-chain roles (and, on a local chain, gas money).
 */
export async function prepareLedger(options: {
  databaseUrl: string;
  rpcUrl: string;
  expectedChainId?: number;
  contractAddress?: string;
  deploymentBlock?: number;
  deployerKey?: string;
  masterKey: string;
  log: (line: string) => void;
}): Promise<PreparedLedger> {
  const { log } = options;
  const chainId = await readChainId(options.rpcUrl);
  if (options.expectedChainId !== undefined && options.expectedChainId !== chainId) {
    throw new Error(
      `CHAIN_ID is ${options.expectedChainId}, but the node at RPC_URL reports chain ${chainId}: correct one of them.`,
    );
  }
  const { applied } = await deployMigrations({ databaseUrl: options.databaseUrl, log });
  if (applied.length > 0) log(`applied ${applied.length} database migration(s)`);
  const db = createPrismaClient(options.databaseUrl);

  const provider = createProvider(options.rpcUrl, chainId);
  const deployer = options.deployerKey ? new Wallet(options.deployerKey, provider) : undefined;
  const deployment = await ensureLotTracker({
    db,
    provider,
    chainId,
    configuredAddress: options.contractAddress,
    deploymentBlock: options.deploymentBlock,
    deployer,
  });
  log(
    `${deployment.isNew ? "deployed" : "using"} LotTracker ${deployment.address} on chain ${chainId} (block ${deployment.blockNumber})`,
  );
  if (!deployer)
    log("no DEPLOYER_PRIVATE_KEY: organisations' on-chain roles are left to the contract admin");
  await seedDemoData({
    db,
    masterKey: options.masterKey,
    lotTracker: deployer ? LotTracker__factory.connect(deployment.address, deployer) : undefined,
    // Gas money only on a local development chain; elsewhere the operator funds accounts.
    fundEach: chainId === LOCAL_CHAIN_ID && deployer ? fundFrom(deployer) : undefined,
  });
  provider.destroy();
  return {
    db,
    chainId,
    contractAddress: deployment.address,
    deploymentBlock: deployment.blockNumber,
  };
}
