// `node --import tsx bench/coldchain-gas.ts [--json]`: the gas of one device-signed batch of 1,000
// readings on LotTracker (anchorDeviceReadings: the EIP-712 signature check, the device's sequence,
// the lot's custodian and the GTIN's storage rule), of a batch whose excursion holds the lot, and of
// the custodian's own anchorReadings of the same root as the baseline. Starts anvil on a free port
// and stops it, as bench/gas.ts does. `npm run bench:coldchain` (bench/coldchain.ts) calls
// measureColdChainGas for its gas half. Run `npm run generate:contracts` first if the contract changed.
import { id, type JsonRpcSigner, Wallet } from "ethers";
import { type LotTracker, LotTracker__factory } from "@/lib/chain/generated";
import { encodeLotCode, lotIdOf } from "@/lib/chain/lot-id";
import { createProvider, receiptOf } from "@/lib/chain/provider";
import {
  type ReadingBatch,
  readingBatchDomain,
  readingBatchStruct,
  signReadingBatch,
} from "@/lib/chain/reading-batch";
import { readingsRootOf } from "@/lib/cold-chain/reading-leaf";
import { findFreePort, startAnvil } from "@/tools/chain/anvil";
import { gasOf, JOURNEY_PREFIX } from "./gas/journey";

export type ColdChainGas = {
  /** anchorDeviceReadings of 1,000 readings inside the rule's range. */
  gas_per_batch: number;
  gas_per_reading: number;
  /** anchorDeviceReadings of a batch whose minutes outside pass the allowance: it holds the lot. */
  gas_held_batch: number;
  /** anchorReadings of the same 1,000 readings by the custodian: no device, no rule. */
  baseline_anchor_readings: number;
};

const CHAIN_ID = 31337;
const READINGS = 1_000;
const GTIN = "00614141000012";
/** 2–8 °C, 30 minutes outside allowed: a chilled product's rule. */
const RULE = { min: 2_000, max: 8_000, allowedMinutes: 30 } as const;
const START = 1_764_745_200;

async function deployTracker(admin: JsonRpcSigner): Promise<LotTracker> {
  const hash = (await new LotTracker__factory(admin).deploy()).deploymentTransaction()?.hash ?? "";
  const { contractAddress } = await receiptOf(admin.provider, hash);
  if (!contractAddress) throw new Error("LotTracker was not deployed.");
  return LotTracker__factory.connect(contractAddress, admin);
}

/** A batch of a reading a minute, 3.0–4.9 °C, as the device would report it. */
function batchOf(lotCode: string, device: string, sequence: number): ReadingBatch {
  const lotId = lotIdOf(GTIN, lotCode);
  const readings = Array.from({ length: READINGS }, (_, i) => ({
    takenAt: new Date((START + i * 60) * 1000),
    milliCelsius: 3_000 + (i % 20) * 100,
    sensorId: device.toLowerCase(),
  }));
  return {
    gtin: GTIN,
    lotCode,
    readingsRoot: readingsRootOf(lotId, readings),
    readingCount: READINGS,
    sequence,
    firstReadingAt: START,
    lastReadingAt: START + (READINGS - 1) * 60,
    minMilliCelsius: 3_000,
    maxMilliCelsius: 4_900,
    minutesOutsideRange: 0,
  };
}

export async function measureColdChainGas(): Promise<ColdChainGas> {
  const anvil = await startAnvil({ port: await findFreePort(), chainId: CHAIN_ID });
  const provider = createProvider(anvil.rpcUrl, CHAIN_ID);
  try {
    const [admin, farm] = await Promise.all([provider.getSigner(0), provider.getSigner(1)]);
    const tracker = await deployTracker(admin);
    const asFarm = tracker.connect(farm);
    await gasOf(tracker.grantRole(await tracker.PRODUCER_ROLE(), farm.address));
    await gasOf(tracker.grantCompanyPrefix(farm.address, JOURNEY_PREFIX, JOURNEY_PREFIX.length));
    await gasOf(asFarm.setStorageRule(GTIN, RULE.min, RULE.max, RULE.allowedMinutes));
    for (const lotCode of ["COLD-1", "COLD-2"]) {
      await gasOf(asFarm.createLot(GTIN, encodeLotCode(lotCode), id(lotCode), id(lotCode)));
    }
    // A fixed key, so the calldata (signature, root) and so the gas are the same on every run.
    const device = new Wallet(id("LotLedger bench data logger"));
    await gasOf(asFarm.registerDevice(device.address));
    const domain = readingBatchDomain(CHAIN_ID, await tracker.getAddress());
    // The ingestion service sends what the device signed; its sender pays, whoever it is.
    const anchor = async (batch: ReadingBatch) =>
      gasOf(
        asFarm.anchorDeviceReadings(
          readingBatchStruct(batch),
          await signReadingBatch(device, domain, batch),
        ),
      );

    const inRange = batchOf("COLD-1", device.address, 1);
    const gasPerBatch = await anchor(inRange);
    const warm = {
      ...batchOf("COLD-2", device.address, 2),
      maxMilliCelsius: 11_500,
      minutesOutsideRange: RULE.allowedMinutes + 1,
    };
    const gasHeldBatch = await anchor(warm);
    if (!(await tracker.holdOf(lotIdOf(GTIN, "COLD-2"))).isOnHold) {
      throw new Error("The warm batch did not hold its lot.");
    }
    const baseline = await gasOf(
      asFarm.anchorReadings(lotIdOf(GTIN, "COLD-1"), inRange.readingsRoot, READINGS),
    );
    return {
      gas_per_batch: gasPerBatch,
      gas_per_reading: Math.round((gasPerBatch / READINGS) * 10) / 10,
      gas_held_batch: gasHeldBatch,
      baseline_anchor_readings: baseline,
    };
  } finally {
    provider.destroy();
    await anvil.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const gas = await measureColdChainGas();
  if (process.argv.includes("--json")) {
    console.log(JSON.stringify(gas, null, 2));
  } else {
    const n = (value: number) => value.toLocaleString("en-US");
    console.log(
      `device batch of ${n(READINGS)} readings: ${n(gas.gas_per_batch)} gas (target ≤ 70,000)`,
    );
    console.log(`per reading: ${gas.gas_per_reading} gas (target ≤ 70)`);
    console.log(`batch that holds the lot: ${n(gas.gas_held_batch)} gas`);
    console.log(`baseline anchorReadings: ${n(gas.baseline_anchor_readings)} gas`);
  }
  if (gas.gas_per_batch > 70_000) process.exitCode = 1;
}
