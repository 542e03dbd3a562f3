// `npm start`: brings up everything LotLedger needs (embedded PostgreSQL and anvil unless external
// ones are configured), migrates, deploys or adopts LotTracker, seeds the demo (embedded only), builds
// if needed, and serves the web app with the outbox sender, the indexer, the notifier, the capture
// worker and the devices worker (data loggers over MQTT; an embedded broker unless MQTT_URL) beside it, each given only the secrets it needs. Ctrl-C stops every part, in order.
import path from "node:path";
import { ConfigError } from "@/lib/env";
import { countQuarantinedEvents, quarantineBanner } from "@/lib/indexer/quarantine";
import { startAnvil } from "@/tools/chain/anvil";
import { startEmbeddedPostgres } from "@/tools/db/embedded-postgres";
import { buildIfNeeded } from "./stack/build";
import { DEMO_PASSWORD, DEMO_USERS } from "./stack/demo-data";
import { seedDemoLots } from "./stack/demo-lots";
import { startEmbeddedBroker } from "./stack/mqtt-broker";
import { startPart } from "./stack/parts";
import { ANVIL_DEV_KEY, LOCAL_CHAIN_ID, prepareLedger } from "./stack/prepare";
import { assertPortFree, waitForHttp } from "./stack/processes";
import { loadOrCreateSecrets } from "./stack/secrets";
import { demoModeOf, readStartEnv } from "./stack/start-env";

const log = (line: string) => console.log(`[lotledger] ${line}`);
const demoLog = (line: string) => console.log(`[demo] ${line}`);
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
  const demo = demoModeOf(env);
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
      chainId: LOCAL_CHAIN_ID,
      stateFile: path.join(dataDir, "anvil", "state.json"),
      logFile: path.join(dataDir, "anvil", "anvil.log"),
      log,
    });
    stops.push(() => anvil.stop());
    rpcUrl = anvil.rpcUrl;
  }
  const { db, chainId, webhookSecretsKey } = await prepareLedger({
    databaseUrl,
    rpcUrl,
    expectedChainId: env.CHAIN_ID,
    contractAddress: env.CONTRACT_ADDRESS,
    deploymentBlock: env.DEPLOYMENT_BLOCK,
    deployerKey: env.DEPLOYER_PRIVATE_KEY ?? (isEmbeddedChain ? ANVIL_DEV_KEY : undefined),
    masterKey,
    demo,
    log,
  });
  stops.push(() => db.$disconnect());

  let mqttUrl = env.MQTT_URL;
  if (!mqttUrl) {
    await assertPortFree(env.MQTT_PORT, "MQTT_PORT");
    const broker = await startEmbeddedBroker({ port: env.MQTT_PORT });
    stops.push(() => broker.stop());
    mqttUrl = broker.url;
    log(`data loggers publish to the embedded MQTT broker at ${mqttUrl} (MQTT_URL names another)`);
  }

  await buildIfNeeded(log);
  const appUrl = env.APP_URL ?? `http://localhost:${env.PORT}`;
  // Every secret of the stack; startPart hands each part only its own (stack/part-env.ts).
  const stackEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    RPC_URL: rpcUrl,
    CHAIN_ID: String(chainId),
    MASTER_KEY: masterKey,
    WEBHOOK_SECRETS_KEY: webhookSecretsKey,
    AUTH_SECRET: authSecret,
    APP_URL: appUrl,
    CONFIRMATIONS: String(env.CONFIRMATIONS),
    MQTT_URL: mqttUrl,
    NEXT_TELEMETRY_DISABLED: "1",
  };
  const services = (["sender", "indexer", "notifier", "capture", "devices", "web"] as const).map(
    (part) => startPart(part, stackEnv, env.PORT),
  );
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
  // Needs the sender and the indexer running; told beside the web app's start, never delaying it.
  const isDemoTold = demo.isOn && env.DEMO_LOTS !== "off" && chainId === LOCAL_CHAIN_ID;
  const demoLots = isDemoTold
    ? seedDemoLots({ db, chainId, appUrl, log: demoLog }).catch((error: Error) => error)
    : null;
  // Generous: on a busy machine the first page can take a minute to render, which is no reason to quit.
  await waitForHttp(`http://127.0.0.1:${env.PORT}/sign-in`, 180_000);

  log(`LotLedger is ready at ${appUrl}`);
  if (demo.isOn) {
    log(`demo logins (password "${DEMO_PASSWORD}"; DEMO=off for none):`);
    for (const user of DEMO_USERS) {
      const role = user.role.toLowerCase().replace("_", "-");
      const { name, kind } = user.organization;
      log(`  ${user.email.padEnd(33)} ${role.padEnd(9)} ${name} (${kind.toLowerCase()})`);
    }
  } else {
    log(
      `no demo organisations (${demo.why}); register yours with \`npm run lotledger -- org create\``,
    );
  }
  const quarantine = quarantineBanner(await countQuarantinedEvents(db, chainId));
  if (quarantine) log(quarantine);
  log("press Ctrl-C to stop");
  void demoLots?.then((outcome) => {
    if (outcome instanceof Error) {
      if (!stopping) demoLog(`the demo lots were not all recorded: ${outcome.message}`);
    } else if (outcome.status === "seeded") {
      demoLog(`story recorded in ${outcome.seconds.toFixed(1)} s; open a case of romaine hearts:`);
      demoLog(`  ${outcome.provenanceUrl}`);
    }
  });
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
