import { type TypedDataDomain, Wallet } from "ethers";
import { lotIdOf } from "@/lib/chain/lot-id";
import { type ReadingBatch, readingBatchDomain, signReadingBatch } from "@/lib/chain/reading-batch";
import { readingsRootOf } from "@/lib/cold-chain";
import type { Db } from "@/lib/db/client";
import {
  batchFactsOf,
  type DeviceBatchMessage,
  type DeviceReading,
  type MilliRange,
} from "@/lib/devices";

// A data logger for tests: its own key pair, signing batches of readings for a lot exactly as a
// device does (EIP-712 under the world's LotTracker), with fields a test may falsify before signing.

export type TestLogger = {
  wallet: Wallet;
  /** Lower-case, as LotLedger stores and names it. */
  address: string;
  /** A signed message over `readings` of the lot; `batch` overrides signed fields, `signature` the signature. */
  batch(options: {
    gtin: string;
    lotCode: string;
    sequence: number;
    readings: DeviceReading[];
    range?: MilliRange | null;
    batch?: Partial<ReadingBatch>;
  }): Promise<DeviceBatchMessage>;
};

export async function createTestLogger(db: Db): Promise<TestLogger> {
  const deployment = await db.contractDeployment.findFirstOrThrow();
  const domain: TypedDataDomain = readingBatchDomain(deployment.chainId, deployment.address);
  const wallet = new Wallet(Wallet.createRandom().privateKey);
  const address = wallet.address.toLowerCase();
  return {
    wallet,
    address,
    async batch({ gtin, lotCode, sequence, readings, range = null, batch = {} }) {
      const lotId = lotIdOf(gtin, lotCode);
      const anchored = readings.map((r) => ({
        takenAt: new Date(r.t * 1000),
        milliCelsius: r.mc,
        sensorId: address,
      }));
      const signed: ReadingBatch = {
        gtin,
        lotCode,
        readingsRoot: readingsRootOf(lotId, anchored),
        sequence,
        ...batchFactsOf(readings, range),
        ...batch,
      };
      return { batch: signed, signature: await signReadingBatch(wallet, domain, signed), readings };
    },
  };
}

/** Readings a minute apart, the last a minute before `now`, of these milli-°C. */
export function minuteReadings(now: Date, temperatures: number[]): DeviceReading[] {
  const last = Math.floor(now.getTime() / 1000) - 60;
  return temperatures.map((mc, i) => ({ t: last - (temperatures.length - 1 - i) * 60, mc }));
}
