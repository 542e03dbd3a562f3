import { spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Wallet } from "ethers";
import { LotTracker__factory } from "@/lib/chain/generated";
import { createProvider } from "@/lib/chain/provider";
import { createPrismaClient, type Db } from "@/lib/db/client";
import { type AnvilProcess, findFreePort, startAnvil } from "@/tools/chain/anvil";
import { type EmbeddedPostgresServer, startEmbeddedPostgres } from "@/tools/db/embedded-postgres";
import { expect, test } from "./fixtures";
import {
  childPids,
  exitCodeOf,
  interruptStack,
  type StackProcess,
  spawnStack,
  waitUntilReady,
} from "./fixtures/stack";

// anvil's first pre-funded development account: the operator's contract admin on the test's chain.
const DEPLOYER_KEY = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
const MASTER_KEY = "7a".repeat(32);
const SECRETS = ["DEPLOYER_PRIVATE_KEY", "MASTER_KEY", "WEBHOOK_SECRETS_KEY", "AUTH_SECRET"];

// The operator's own PostgreSQL and chain: a second embedded PostgreSQL and an anvil, both started
// here and handed to `npm start` as DATABASE_URL and RPC_URL, as a production start would be.
let dataDir: string;
let postgres: EmbeddedPostgresServer;
let chain: AnvilProcess;
let db: Db;
let env: Record<string, string>;

test.describe.configure({ mode: "serial", timeout: 600_000 });

test.beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), "lotledger-operator-"));
  chmodSync(dataDir, 0o755); // embedded PostgreSQL runs as `postgres` when started by root
  postgres = await startEmbeddedPostgres({
    dataDir: path.join(dataDir, "operator-postgres"),
    port: await findFreePort(),
  });
  chain = await startAnvil({ port: await findFreePort() });
  db = createPrismaClient(postgres.databaseUrl);
  env = {
    DATA_DIR: path.join(dataDir, "data"),
    PORT: String(await findFreePort()),
    DATABASE_URL: postgres.databaseUrl,
    RPC_URL: chain.rpcUrl,
    DEPLOYER_PRIVATE_KEY: DEPLOYER_KEY,
    MASTER_KEY,
    AUTH_SECRET: "a".repeat(40),
    CONTRACT_ADDRESS: "",
    DEMO: "",
    // A broker of its own: on the suite's, its devices worker would answer the other tests' loggers.
    MQTT_URL: "",
    MQTT_PORT: String(await findFreePort()),
  };
});

test.afterAll(async () => {
  await db?.$disconnect();
  await chain?.stop();
  await postgres?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function whileRunning(stack: StackProcess, check: () => Promise<void>): Promise<void> {
  try {
    await waitUntilReady(stack, 480_000);
    await check();
  } finally {
    await interruptStack(stack);
  }
}

/** Which of the stack's secrets each running part was given, read from /proc/<pid>/environ. */
function secretsOfEachPart(stack: StackProcess): Record<string, string[]> {
  const parts: Record<string, string[]> = {};
  for (const pid of childPids(stack.child.pid as number)) {
    const part = readFileSync(`/proc/${pid}/cmdline`, "utf8").match(/workers\/(\w+)\.ts/)?.[1];
    if (!part) continue;
    const names = readFileSync(`/proc/${pid}/environ`, "utf8")
      .split("\0")
      .map((entry) => entry.slice(0, entry.indexOf("=")));
    parts[part] = SECRETS.filter((secret) => names.includes(secret));
  }
  return parts;
}

test("npm start against an external database and chain creates no demo account, grants no demo role, and gives each part only its keys", async () => {
  const stack = spawnStack(env);
  await whileRunning(stack, async () => {
    expect(await db.user.count()).toBe(0);
    expect(await db.organization.count()).toBe(0);
    const deployment = await db.contractDeployment.findFirstOrThrow();
    const provider = createProvider(chain.rpcUrl, deployment.chainId);
    const lotTracker = LotTracker__factory.connect(deployment.address, provider);
    const grants = await lotTracker.queryFilter(lotTracker.filters.RoleGranted());
    // The deployer's own admin role, and nothing else: no organisation was given a role.
    expect(new Set(grants.map((grant) => grant.args.account))).toEqual(
      new Set([new Wallet(DEPLOYER_KEY).address]),
    );
    provider.destroy();
    expect(stack.output()).toContain("no demo organisations (DATABASE_URL and RPC_URL are set)");
    expect(stack.output()).not.toContain("lotledger-demo");

    expect(secretsOfEachPart(stack)).toEqual({
      capture: [],
      // The devices worker stores loggers' batches and queues their writes: it signs nothing.
      devices: [],
      sender: ["MASTER_KEY"],
      indexer: [],
      notifier: ["WEBHOOK_SECRETS_KEY"],
      web: ["WEBHOOK_SECRETS_KEY", "AUTH_SECRET"],
    });
  });
});

test("with a demo account left in the database npm start refuses at once, says how to remove it, and starts once it is removed", async () => {
  const seeded = spawnSync(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", "e2e/fixtures/leftover-demo.ts"],
    { env: { ...process.env, ...env }, encoding: "utf8", timeout: 120_000 },
  );
  expect(seeded.status, seeded.stderr).toBe(0);
  const organizations = JSON.parse(seeded.stdout) as Array<{ chainAddress: string }>;
  expect(organizations).toHaveLength(6);
  expect(await db.user.count()).toBe(18);

  const started = Date.now();
  const refused = spawnStack(env);
  expect(await exitCodeOf(refused, 60_000)).toBe(1);
  expect(Date.now() - started).toBeLessThan(30_000);
  expect(refused.output()).toContain(
    '[lotledger] This database holds 18 demo account(s) (carrier-staff@lotledger.demo, carrier-viewer@lotledger.demo, carrier@lotledger.demo, …) whose password "lotledger-demo" is public, and LotLedger is not in demo mode here (DATABASE_URL and RPC_URL are set): remove them with `npm run lotledger -- demo remove`',
  );

  const removal = spawnSync(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", "tools/lotledger.ts", "demo", "remove"],
    { env: { ...process.env, ...env }, encoding: "utf8", timeout: 120_000 },
  );
  expect(removal.status, removal.stderr).toBe(0);
  expect(removal.stdout).toContain("demo remove: 18 demo account(s) removed");
  expect(await db.user.count()).toBe(0);
  expect(await db.organization.count()).toBe(0);
  const deployment = await db.contractDeployment.findFirstOrThrow();
  const provider = createProvider(chain.rpcUrl, deployment.chainId);
  const lotTracker = LotTracker__factory.connect(deployment.address, provider);
  const roles = await Promise.all(
    organizations.map(async ({ chainAddress }) => {
      const granted = await lotTracker.queryFilter(
        lotTracker.filters.RoleGranted(undefined, chainAddress),
      );
      return lotTracker.hasRole(granted[0]?.args.role ?? "0x", chainAddress);
    }),
  );
  provider.destroy();
  expect(roles).toEqual(organizations.map(() => false));

  await whileRunning(spawnStack(env), async () => {
    expect(await db.user.count()).toBe(0);
  });
});

test("DEMO=on is refused with a sentence when the database or the chain is external", async () => {
  const stack = spawnStack({ ...env, DEMO: "on" });
  expect(await exitCodeOf(stack, 30_000)).toBe(1);
  expect(stack.output()).toContain(
    'DEMO is "on", but DATABASE_URL and RPC_URL are set: the demo organisations and their public password are only for the embedded database and chain, so unset DEMO (or unset DATABASE_URL and RPC_URL to try the demo).',
  );
});
