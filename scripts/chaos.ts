// `npm run test:chaos [-- --requests N --seed S]`: sends N handoffs through the app's write path
// (HTTP → outbox → sender → chain → indexer) while SIGKILLing the web app, the sender, the indexer and
// the chain at random moments and restarting them; then lets everything settle and checks that every
// acknowledged request is on the chain exactly once and that the database matches the chain.
import { randomBytes } from "node:crypto";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { type AnvilProcess, findFreePort, startAnvil } from "@/lib/chain/anvil";
import { createProvider } from "@/lib/chain/provider";
import { startEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { postUntilAnswered, signIn } from "./chaos/client";
import { seededRandom, startMonkey, type Victim } from "./chaos/monkey";
import { waitUntilSettled } from "./chaos/settle";
import { tallyChaos } from "./chaos/tally";
import { buildIfNeeded } from "./stack/build";
import { DEMO_ORGANIZATIONS, DEMO_PASSWORD } from "./stack/demo-data";
import { type PartName, startPart } from "./stack/parts";
import { ANVIL_DEV_KEY, prepareLedger } from "./stack/prepare";
import type { Service } from "./stack/processes";
import { waitForHttp } from "./stack/processes";

const { values } = parseArgs({
  options: { requests: { type: "string", default: "12" }, seed: { type: "string" } },
});
const requested = Number(values.requests);
const seed = Number(values.seed ?? Date.now() % 1_000_000);
const log = (line: string) => console.log(line);
const GTIN = "09506000134352";

const dataDir = mkdtempSync(path.join(tmpdir(), "lotledger-chaos-"));
chmodSync(dataDir, 0o755); // embedded PostgreSQL runs as `postgres` when started by root
const [port, anvilPort, postgresPort] = [
  await findFreePort(),
  await findFreePort(),
  await findFreePort(),
];
const baseUrl = `http://127.0.0.1:${port}`;
const postgres = await startEmbeddedPostgres({
  dataDir: path.join(dataDir, "postgres"),
  port: postgresPort,
});
const anvilOptions = { port: anvilPort, stateFile: path.join(dataDir, "anvil", "state.json") };
let anvil: AnvilProcess = await startAnvil(anvilOptions);
const masterKey = randomBytes(32).toString("hex");
const prepared = await prepareLedger({
  databaseUrl: postgres.databaseUrl,
  rpcUrl: anvil.rpcUrl,
  deployerKey: ANVIL_DEV_KEY,
  masterKey,
  log,
});
await buildIfNeeded(log);

const env = {
  ...process.env,
  DATABASE_URL: postgres.databaseUrl,
  RPC_URL: anvil.rpcUrl,
  CHAIN_ID: String(prepared.chainId),
  MASTER_KEY: masterKey,
  AUTH_SECRET: randomBytes(32).toString("hex"),
  APP_URL: baseUrl,
  NEXT_TELEMETRY_DISABLED: "1",
};
const parts = new Map<PartName, Service>();
const launch = (name: PartName) => parts.set(name, startPart(name, env, port));
for (const name of ["sender", "indexer", "web"] as const) launch(name);
const provider = createProvider(anvil.rpcUrl, prepared.chainId);
let exitCode = 1;
try {
  await waitForHttp(`${baseUrl}/sign-in`, 60_000);
  const farm = DEMO_ORGANIZATIONS.find((o) => o.kind === "FARM");
  const carrier = DEMO_ORGANIZATIONS.find((o) => o.kind === "CARRIER");
  const cookie = await signIn(baseUrl, farm?.user.email as string, DEMO_PASSWORD);

  // The lots to ship, recorded before the chaos starts.
  const lotIds: string[] = [];
  for (let i = 0; i < requested; i++) {
    const lotCode = `CHAOS-${seed}-${i}`.slice(0, 20);
    const created = await postUntilAnswered(`${baseUrl}/api/lots`, cookie, {
      gtin: GTIN,
      lotCode,
      quantity: "10",
      unit: "kg",
    });
    if (created?.status !== 202)
      throw new Error(`Creating ${lotCode} failed: ${JSON.stringify(created)}`);
    lotIds.push(created.body.lotId as string);
  }
  await waitUntilSettled(prepared.db, provider, prepared.chainId, 120_000);
  log(`chaos: ${requested} lots recorded; shipping them while killing parts (seed ${seed})`);

  const victims: Victim[] = [
    ...(["web", "sender", "indexer"] as const).map((name) => ({
      name,
      kill: () => parts.get(name)?.kill() ?? Promise.resolve(),
      restart: async () => void launch(name),
    })),
    {
      name: "chain",
      kill: async () => anvil.kill(),
      restart: async () => {
        anvil = await startAnvil(anvilOptions);
      },
    },
  ];
  const random = seededRandom(seed);
  const stopMonkey = startMonkey(victims, random, log);
  const acknowledged: string[] = [];
  for (const lotId of lotIds) {
    // Spread the requests out, so kills land before, during and after them.
    await new Promise((resolve) => setTimeout(resolve, 300 + random() * 700));
    const outcome = await postUntilAnswered(`${baseUrl}/api/lots/${lotId}/handoffs`, cookie, {
      recipientGln: carrier?.gln,
    });
    if (outcome?.status === 202) acknowledged.push(outcome.body.writeId as string);
    else log(`chaos: handoff of ${lotId} not acknowledged: ${JSON.stringify(outcome)}`);
  }
  const kills = await stopMonkey();
  log(`chaos: kills ${JSON.stringify(kills)}; letting everything settle`);
  await waitUntilSettled(prepared.db, provider, prepared.chainId, 180_000);

  const tally = await tallyChaos({
    db: prepared.db,
    provider,
    chainId: prepared.chainId,
    contractAddress: prepared.contractAddress,
    startBlock: prepared.deploymentBlock,
    acknowledgedWriteIds: acknowledged,
  });
  for (const line of tally.details) log(line);
  log(
    `chaos: ${requested} requested, ${acknowledged.length} acknowledged, ${tally.missing} missing, ${tally.duplicated} duplicated, ${tally.changed} changed`,
  );
  exitCode =
    tally.missing + tally.duplicated + tally.changed === 0 && acknowledged.length > 0 ? 0 : 1;
} finally {
  provider.destroy();
  for (const part of parts.values()) await part.stop();
  await anvil.stop();
  await prepared.db.$disconnect();
  await postgres.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
process.exit(exitCode);
