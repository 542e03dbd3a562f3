// Measures the gas of one farm-to-shelf journey on LotTracker and on the naive storage design
// (contracts/bench/StorageBaselineTracker.sol), each deployed on a fresh anvil this script starts on a
// free port and stops. Prints a Markdown table and the targets; with --json prints only
// `{ "lottracker": { op: gas }, "storage_baseline": { op: gas }, "shipments": { shipment20, ... } }`
// (shipments: LotTracker's batched custody, per lot; see bench/gas/shipments.ts). Exits 1 when a target is missed.
// Run `npm run generate:contracts` first if the contracts changed (postinstall does it too).
import { readFile } from "node:fs/promises";
import path from "node:path";
import { Contract, ContractFactory, type InterfaceAbi, type JsonRpcSigner } from "ethers";
import { LotTracker__factory } from "@/lib/chain/generated";
import { createProvider, receiptOf } from "@/lib/chain/provider";
import { findFreePort, startAnvil } from "@/tools/chain/anvil";
import {
  anchorRoot,
  gasOf,
  JOURNEY_PREFIX,
  type Parties,
  runJourney,
  storeEachReading,
} from "./gas/journey";
import { type BenchResult, checkTargets, formatReport } from "./gas/report";
import { measureShipments } from "./gas/shipments";

const CHAIN_ID = 31337;
const BASELINE_ARTIFACT = path.resolve(
  import.meta.dirname,
  "../lib/chain/generated/bench/StorageBaselineTracker.json",
);
/** Readings per baseline transaction: 200 × ~45k gas stays well under anvil's 30M block limit. */
const BASELINE_READINGS_PER_TX = 200;

/** Deploys with `admin` and returns the contract, waiting for the receipt by polling. */
async function deploy(factory: ContractFactory, admin: JsonRpcSigner): Promise<Contract> {
  const hash = (await factory.deploy()).deploymentTransaction()?.hash ?? "";
  const { contractAddress } = await receiptOf(admin.provider, hash);
  if (!contractAddress) throw new Error("A benchmark contract was not deployed.");
  return new Contract(contractAddress, factory.interface, admin);
}

async function baselineFactory(admin: JsonRpcSigner): Promise<ContractFactory> {
  const artifact = JSON.parse(await readFile(BASELINE_ARTIFACT, "utf8")) as {
    abi: InterfaceAbi;
    bytecode: string;
  };
  return new ContractFactory(artifact.abi, artifact.bytecode, admin);
}

/** Both designs name their roles alike: the farm and the packer produce, the retailer recalls. */
async function grantJourneyRoles(tracker: Contract, parties: Parties): Promise<void> {
  const producerRole: string = await tracker.getFunction("PRODUCER_ROLE").staticCall();
  const retailerRole: string = await tracker.getFunction("RETAILER_ROLE").staticCall();
  for (const [role, signer] of [
    [producerRole, parties.farm],
    [producerRole, parties.packer],
    [retailerRole, parties.retailer],
  ] as const) {
    await gasOf(tracker.getFunction("grantRole").send(role, await signer.getAddress()));
  }
}

/** LotTracker only: the journey's GTINs carry GS1 company prefix 0614141, held by both producers. */
async function grantJourneyPrefix(tracker: Contract, { farm, packer }: Parties): Promise<void> {
  for (const signer of [farm, packer]) {
    const grant = tracker.getFunction("grantCompanyPrefix");
    await gasOf(grant.send(await signer.getAddress(), JOURNEY_PREFIX, JOURNEY_PREFIX.length));
  }
}

async function main(): Promise<void> {
  const asJson = process.argv.includes("--json");
  const anvil = await startAnvil({ port: await findFreePort(), chainId: CHAIN_ID });
  const provider = createProvider(anvil.rpcUrl, CHAIN_ID);
  try {
    // anvil's unlocked dev accounts: the node signs, so no keys are involved.
    const [admin, farm, packer, retailer] = await Promise.all(
      [0, 1, 2, 3].map((index) => provider.getSigner(index)),
    );
    if (!admin || !farm || !packer || !retailer) throw new Error("anvil has too few accounts.");
    const parties = { farm, packer, retailer };

    const lotTracker = await deploy(new LotTracker__factory(admin), admin);
    const baseline = await deploy(await baselineFactory(admin), admin);
    await grantJourneyRoles(lotTracker, parties);
    await grantJourneyRoles(baseline, parties);
    await grantJourneyPrefix(lotTracker, parties);

    const result: BenchResult = {
      lottracker: await runJourney(lotTracker, parties, anchorRoot),
      storage_baseline: await runJourney(
        baseline,
        parties,
        storeEachReading(BASELINE_READINGS_PER_TX),
      ),
      shipments: await measureShipments(lotTracker, parties),
    };
    console.log(asJson ? JSON.stringify(result, null, 2) : formatReport(result));
    const missed = checkTargets(result).filter((target) => !target.isMet);
    if (missed.length > 0) {
      console.error(`Missed: ${missed.map((target) => target.name).join("; ")}`);
      process.exitCode = 1;
    }
  } finally {
    provider.destroy();
    await anvil.stop();
  }
}

await main();
