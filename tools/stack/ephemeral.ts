import { randomBytes } from "node:crypto";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  type AnvilOptions,
  type AnvilProcess,
  findFreePort,
  startAnvil,
} from "@/tools/chain/anvil";
import { startEmbeddedPostgres } from "@/tools/db/embedded-postgres";
import { ANVIL_DEV_KEY, type PreparedLedger, prepareLedger } from "./prepare";

export type EphemeralStack = {
  port: number;
  baseUrl: string;
  prepared: PreparedLedger;
  /** The configuration the sender, indexer and web processes run with. */
  env: NodeJS.ProcessEnv;
  rpcUrl: string;
  /** SIGKILL the chain, as a crash would; `startChain` brings it back from its state file. */
  killChain(): Promise<void>;
  startChain(): Promise<void>;
  stop(): Promise<void>;
};

/**
 * A whole LotLedger back end in a temporary folder on free ports, for the chaos test and the
 * benchmarks: embedded PostgreSQL, anvil with a state file, migrations, LotTracker and the demo
 * organisations. `env` holds every secret; startPart gives each part its own. `stop()` removes
 * everything it made.
 */
export async function startEphemeralStack(
  name: string,
  log: (line: string) => void,
  chain: Pick<AnvilOptions, "blockTime" | "mineEveryMs"> = {},
): Promise<EphemeralStack> {
  const dataDir = mkdtempSync(path.join(tmpdir(), `lotledger-${name}-`));
  chmodSync(dataDir, 0o755); // embedded PostgreSQL runs as `postgres` when started by root
  const [port, anvilPort, postgresPort] = [
    await findFreePort(),
    await findFreePort(),
    await findFreePort(),
  ];
  const postgres = await startEmbeddedPostgres({
    dataDir: path.join(dataDir, "postgres"),
    port: postgresPort,
  });
  const anvilOptions = {
    ...chain,
    port: anvilPort,
    stateFile: path.join(dataDir, "anvil", "state.json"),
  };
  let anvil: AnvilProcess | null = await startAnvil(anvilOptions);
  const masterKey = randomBytes(32).toString("hex");
  const prepared = await prepareLedger({
    databaseUrl: postgres.databaseUrl,
    rpcUrl: anvil.rpcUrl,
    deployerKey: ANVIL_DEV_KEY,
    masterKey,
    // Its own embedded database and chain, thrown away afterwards: the demo cast is its fixture.
    demo: { isOn: true },
    log,
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    port,
    baseUrl,
    prepared,
    rpcUrl: anvil.rpcUrl,
    env: {
      ...process.env,
      DATABASE_URL: postgres.databaseUrl,
      RPC_URL: anvil.rpcUrl,
      CHAIN_ID: String(prepared.chainId),
      MASTER_KEY: masterKey,
      WEBHOOK_SECRETS_KEY: prepared.webhookSecretsKey,
      AUTH_SECRET: randomBytes(32).toString("hex"),
      APP_URL: baseUrl,
      NEXT_TELEMETRY_DISABLED: "1",
    },
    async killChain() {
      await anvil?.kill();
      anvil = null;
    },
    async startChain() {
      anvil ??= await startAnvil(anvilOptions);
    },
    async stop() {
      await anvil?.stop();
      await prepared.db.$disconnect();
      await postgres.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
