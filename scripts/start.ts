// `npm start`: brings up everything LotLedger needs (embedded PostgreSQL and anvil unless external
// ones are configured), migrates, deploys or adopts LotTracker, seeds the demo, builds if needed, and
// serves the web app with the indexer beside it. Ctrl-C stops every part, in order.
import path from "node:path";
import { Wallet } from "ethers";
import { startAnvil } from "@/lib/chain/anvil";
import { LotTracker__factory } from "@/lib/chain/generated";
import { createProvider } from "@/lib/chain/provider";
import { createPrismaClient } from "@/lib/db/client";
import { startEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { deployMigrations } from "@/lib/db/migrate";
import { ConfigError } from "@/lib/env";
import { buildIfNeeded, nextBin } from "./stack/build";
import { readChainId } from "./stack/chain-id";
import { ensureLotTracker } from "./stack/contract";
import { DEMO_ORGANIZATIONS, DEMO_PASSWORD } from "./stack/demo-data";
import { assertPortFree, type Service, startService, waitForHttp } from "./stack/processes";
import { loadOrCreateSecrets } from "./stack/secrets";
import { fundFrom, seedDemoData } from "./stack/seed";
import { readStartEnv } from "./stack/start-env";

const EMBEDDED_CHAIN_ID = 31337;
// anvil's first pre-funded development account: public knowledge, usable on the embedded chain only.
const ANVIL_DEV_KEY = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";

const log = (line: string) => console.log(`[lotledger] ${line}`);
const stops: Array<() => Promise<void>> = [];
let stopping = false;

async function stopAll(exitCode: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    for (const stop of stops.reverse()) await stop().catch((error) => console.error(error));
  }
  process.exit(exitCode);
}

async function main(): Promise<void> {
  const env = readStartEnv();
  const dataDir = path.resolve(env.DATA_DIR);
  await assertPortFree(env.PORT, "PORT");
  const secrets = env.MASTER_KEY && env.AUTH_SECRET ? undefined : loadOrCreateSecrets(dataDir);
  const masterKey = env.MASTER_KEY ?? (secrets?.masterKey as string);
  const authSecret = env.AUTH_SECRET ?? (secrets?.authSecret as string);

  let databaseUrl = env.DATABASE_URL;
  if (!databaseUrl) {
    log(`starting the embedded PostgreSQL (data in ${path.join(env.DATA_DIR, "postgres")})`);
    const postgres = await startEmbeddedPostgres({
      dataDir: path.join(dataDir, "postgres"),
      port: env.EMBEDDED_POSTGRES_PORT,
    });
    stops.push(() => postgres.stop());
    databaseUrl = postgres.databaseUrl;
  }

  const isEmbeddedChain = !env.RPC_URL;
  let rpcUrl = env.RPC_URL ?? "";
  if (isEmbeddedChain) {
    log(`starting the embedded chain, anvil (state in ${path.join(env.DATA_DIR, "anvil")})`);
    const anvil = await startAnvil({
      port: env.ANVIL_PORT,
      chainId: EMBEDDED_CHAIN_ID,
      stateFile: path.join(dataDir, "anvil", "state.json"),
      logFile: path.join(dataDir, "anvil", "anvil.log"),
    });
    stops.push(() => anvil.stop());
    rpcUrl = anvil.rpcUrl;
  }
  const chainId = await readChainId(rpcUrl);
  if (env.CHAIN_ID !== undefined && env.CHAIN_ID !== chainId) {
    throw new Error(
      `CHAIN_ID is ${env.CHAIN_ID}, but the node at RPC_URL reports chain ${chainId}: correct one of them.`,
    );
  }

  const { applied } = await deployMigrations({ databaseUrl, log });
  if (applied.length > 0) log(`applied ${applied.length} database migration(s)`);
  const db = createPrismaClient(databaseUrl);
  stops.push(() => db.$disconnect());

  const provider = createProvider(rpcUrl, chainId);
  const deployerKey = env.DEPLOYER_PRIVATE_KEY ?? (isEmbeddedChain ? ANVIL_DEV_KEY : undefined);
  const deployer = deployerKey ? new Wallet(deployerKey, provider) : undefined;
  const deployment = await ensureLotTracker({
    db,
    provider,
    chainId,
    configuredAddress: env.CONTRACT_ADDRESS,
    deploymentBlock: env.DEPLOYMENT_BLOCK,
    deployer,
  });
  log(
    `${deployment.isNew ? "deployed" : "using"} LotTracker ${deployment.address} on chain ${chainId} (block ${deployment.blockNumber})`,
  );
  if (!deployer)
    log("no DEPLOYER_PRIVATE_KEY: organisations' on-chain roles are left to the contract admin");
  await seedDemoData({
    db,
    masterKey,
    lotTracker: deployer ? LotTracker__factory.connect(deployment.address, deployer) : undefined,
    // Gas money only on a local development chain (anvil's chain id); elsewhere the operator funds accounts.
    fundEach: chainId === EMBEDDED_CHAIN_ID && deployer ? fundFrom(deployer) : undefined,
  });

  await buildIfNeeded(log);
  const appUrl = env.APP_URL ?? `http://localhost:${env.PORT}`;
  const childEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    RPC_URL: rpcUrl,
    CHAIN_ID: String(chainId),
    MASTER_KEY: masterKey,
    AUTH_SECRET: authSecret,
    APP_URL: appUrl,
    CONFIRMATIONS: String(env.CONFIRMATIONS),
    NEXT_TELEMETRY_DISABLED: "1",
  };
  const services: Service[] = [
    startService(
      "sender",
      process.execPath,
      ["--conditions=react-server", "--import", "tsx", "scripts/sender.ts"],
      childEnv,
    ),
    startService(
      "indexer",
      process.execPath,
      ["--conditions=react-server", "--import", "tsx", "scripts/indexer.ts"],
      childEnv,
    ),
    startService("web", process.execPath, [nextBin, "start", "--port", String(env.PORT)], childEnv),
  ];
  for (const service of services) {
    stops.push(() => service.stop());
    void service.exited.then((how) => {
      if (stopping) return;
      console.error(
        `[lotledger] the ${service.name} process stopped unexpectedly (${how}); stopping LotLedger.`,
      );
      void stopAll(1);
    });
  }
  await waitForHttp(`http://127.0.0.1:${env.PORT}/sign-in`, 60_000);

  log(`LotLedger is ready at ${appUrl}`);
  log(`demo logins (password "${DEMO_PASSWORD}"):`);
  for (const org of DEMO_ORGANIZATIONS)
    log(`  ${org.user.email.padEnd(26)} ${org.name} (${org.kind.toLowerCase()})`);
  log("press Ctrl-C to stop");
}

// embedded-postgres (through async-exit-hook) exits the process on SIGINT/SIGTERM as soon as PostgreSQL
// is down, which would cut the web app, the indexer and anvil short: LotLedger stops them itself, in order.
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.removeAllListeners(signal);
  process.on(signal, () => {
    log("stopping…");
    void stopAll(0);
  });
}

main().catch(async (error: unknown) => {
  // Start-up refusals are plain Errors and ConfigErrors whose message says what to do; anything else
  // is a bug and keeps its stack.
  const isExplained =
    error instanceof ConfigError || (error instanceof Error && error.constructor === Error);
  console.error(isExplained ? `[lotledger] ${(error as Error).message}` : error);
  await stopAll(1);
});
