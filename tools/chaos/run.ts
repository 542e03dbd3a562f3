// `npm run test:chaos [-- --requests N --seed S]`: sends N handoffs through the app's write path
// (HTTP → outbox → sender → chain → indexer) while SIGKILLing the web app, the sender, the indexer and
// the chain at random moments and restarting them; then lets everything settle and checks that every
// acknowledged request is on the chain exactly once and that the database matches the chain.
import { parseArgs } from "node:util";
import { createProvider } from "@/lib/chain/provider";
import { buildIfNeeded } from "../stack/build";
import { DEMO_ORGANIZATIONS, DEMO_PASSWORD } from "../stack/demo-data";
import { startEphemeralStack } from "../stack/ephemeral";
import { type PartName, startPart } from "../stack/parts";
import type { Service } from "../stack/processes";
import { waitForHttp } from "../stack/processes";
import { postUntilAnswered, signIn } from "./client";
import { seededRandom, startMonkey, type Victim } from "./monkey";
import { waitUntilSettled } from "./settle";
import { tallyChaos } from "./tally";

const { values } = parseArgs({
  options: { requests: { type: "string", default: "12" }, seed: { type: "string" } },
});
const requested = Number(values.requests);
const seed = Number(values.seed ?? Date.now() % 1_000_000);
const log = (line: string) => console.log(line);
const GTIN = "09506000134352";

const stack = await startEphemeralStack("chaos", log);
const { baseUrl, env, port, prepared } = stack;
await buildIfNeeded(log);

const parts = new Map<PartName, Service>();
const launch = (name: PartName) => parts.set(name, startPart(name, env, port));
for (const name of ["sender", "indexer", "web"] as const) launch(name);
const provider = createProvider(stack.rpcUrl, prepared.chainId);
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
    { name: "chain", kill: () => stack.killChain(), restart: () => stack.startChain() },
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
  await stack.stop();
}
process.exit(exitCode);
