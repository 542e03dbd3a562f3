import { Wallet } from "ethers";
import { LotTracker__factory } from "@/lib/chain/generated";
import { createProvider } from "@/lib/chain/provider";
import { createPrismaClient, type Db } from "@/lib/db/client";
import { deployMigrations } from "@/tools/db/migrate";
import { readChainId } from "./chain-id";
import { ensureLotTracker } from "./contract";
import { assertNoDemoAccounts } from "./demo-accounts";
import { backfillEpcisEvents } from "./epcis-backfill";
import { webhookSecretsKeyOf } from "./secrets";
import { fundFrom, seedDemoData } from "./seed";
import type { DemoMode } from "./start-env";
import { resealWebhookSecrets } from "./webhook-secrets";

/** anvil's and Hardhat's local development chain. */
export const LOCAL_CHAIN_ID = 31337;
// anvil's first pre-funded development account: public knowledge, usable on a local chain only.
export const ANVIL_DEV_KEY = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";

export type PreparedLedger = {
  db: Db;
  chainId: number;
  contractAddress: string;
  deploymentBlock: number;
  /** Derived from MASTER_KEY for the web app and the notifier (tools/stack/part-env.ts). */
  webhookSecretsKey: string;
};

/**
 * Everything between "a database and a chain answer" and "the app can run": the chain id checked,
 * migrations applied, LotTracker deployed or adopted, webhook secrets sealed with the web app's key,
 * events recorded before the EPCIS repository existed added to it, and in demo mode the demo organisations seeded with their on-chain roles and gas money. Outside
 * demo mode it refuses to go on while a demo account is left in the database.
 */
export async function prepareLedger(options: {
  databaseUrl: string;
  rpcUrl: string;
  expectedChainId?: number;
  contractAddress?: string;
  deploymentBlock?: number;
  deployerKey?: string;
  masterKey: string;
  demo: DemoMode;
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
  try {
    return await prepareOn(db, chainId, options);
  } catch (error) {
    await db.$disconnect();
    throw error;
  }
}

async function prepareOn(
  db: Db,
  chainId: number,
  options: Parameters<typeof prepareLedger>[0],
): Promise<PreparedLedger> {
  const { log, demo } = options;
  if (!demo.isOn) await assertNoDemoAccounts(db, demo.why);

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
  if (demo.isOn) {
    await seedDemoData({
      db,
      masterKey: options.masterKey,
      lotTracker: deployer ? LotTracker__factory.connect(deployment.address, deployer) : undefined,
      // Gas money only on a local development chain; elsewhere the operator funds accounts.
      fundEach: chainId === LOCAL_CHAIN_ID && deployer ? fundFrom(deployer) : undefined,
    });
  }
  provider.destroy();
  const webhookSecretsKey = webhookSecretsKeyOf(options.masterKey);
  const resealed = await resealWebhookSecrets({
    db,
    masterKey: options.masterKey,
    webhookSecretsKey,
  });
  if (resealed > 0) log(`re-sealed ${resealed} webhook secret(s) with WEBHOOK_SECRETS_KEY`);
  const backfilled = await backfillEpcisEvents(db);
  if (backfilled > 0) log(`added ${backfilled} recorded event(s) to the EPCIS repository`);
  return {
    db,
    chainId,
    contractAddress: deployment.address,
    deploymentBlock: deployment.blockNumber,
    webhookSecretsKey,
  };
}
