import { LotTracker__factory } from "@/lib/chain/generated";
import { readingBatchDomain } from "@/lib/chain/reading-batch";
import type { MilliCelsiusRange } from "@/lib/cold-chain/excursion-minutes";
import { ConfigError, parseEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { connectLogger } from "../device/logger-connection";
import { parseSimulateOptions, type SimulateOptions } from "../device/simulate-options";
import { simulateTrip } from "../device/simulate-trip";
import { startEnvSchema } from "../stack/start-env";
import type { CliCommand } from "./command";
import { connectLedger } from "./ledger-connection";

const device: CliCommand = {
  usage: `Usage: npm run lotledger -- device simulate (--key <0x… private key> | --key-file <file>)
           --gtin <GTIN-14> --lot <lot code> --duration <minutes of trip>
           [--interval <s between readings, 60>] [--batch <readings per batch, 15>]
           [--excursion at=<minute>,minutes=<length>,peak=<°C>] [--speed <factor>]
           [--range=<min>..<max> °C] [--sequence <first batch number>] [--mqtt <broker URL>]
  plays a data logger on a reefer trip: a realistic curve inside the storage range (the GTIN's rule
  on the chain, else its product's range, unless --range) with door openings and the excursion asked for; signs each batch with
  the device key and publishes it over MQTT (the broker of npm start unless --mqtt or MQTT_URL),
  printing LotLedger's answer to each. Live by default; --speed 60 replays a back-dated trip 60× faster.`,
  async run(args) {
    if (args[0] !== "simulate") {
      console.error(device.usage);
      return 2;
    }
    try {
      const env = parseEnv(startEnvSchema);
      const options = parseSimulateOptions(
        args.slice(1),
        env.MQTT_URL ?? `mqtt://127.0.0.1:${env.MQTT_PORT}`,
      );
      const logger = await connectLogger(options.mqttUrl, options.device.address.toLowerCase());
      try {
        const { domain, range, firstSequence } = await readLedger(options);
        const tally = await simulateTrip({
          options,
          domain,
          range,
          firstSequence,
          logger,
          log: console.log,
        });
        console.log(
          `device simulate: ${tally.accepted} batches accepted, ${tally.rejected} rejected`,
        );
        return tally.rejected === 0 ? 0 : 1;
      } finally {
        await logger.close();
      }
    } catch (error) {
      if (error instanceof ConfigError) {
        for (const problem of error.problems) console.error(`device simulate: ${problem}`);
        return 1;
      }
      if (error instanceof AppError || (error instanceof Error && error.constructor === Error)) {
        console.error(`device simulate: ${error.message}`);
        return error instanceof AppError ? 2 : 1;
      }
      throw error;
    }
  },
};

/** What a logger is configured with: LotTracker's domain, the GTIN's range, its next sequence. */
async function readLedger(options: SimulateOptions) {
  const ledger = await connectLedger();
  try {
    const tracker = LotTracker__factory.connect(ledger.contractAddress, ledger.provider);
    const address = options.device.address.toLowerCase();
    let range: MilliCelsiusRange | null = null;
    if (options.range) {
      range = {
        minMilliCelsius: Math.round(options.range.minCelsius * 1000),
        maxMilliCelsius: Math.round(options.range.maxCelsius * 1000),
      };
    } else {
      // As ingestion judges the batch: the GTIN's rule on the chain, else the product's master data.
      const rule = await tracker.storageRuleOf(BigInt(options.gtin));
      const product = await ledger.db.product.findUnique({
        where: { gtin: options.gtin },
        select: { storageMinCelsius: true, storageMaxCelsius: true },
      });
      if (rule.isSet) {
        range = {
          minMilliCelsius: Number(rule.minMilliCelsius),
          maxMilliCelsius: Number(rule.maxMilliCelsius),
        };
      } else if (product?.storageMinCelsius != null && product.storageMaxCelsius != null) {
        range = {
          minMilliCelsius: Math.round(Number(product.storageMinCelsius) * 1000),
          maxMilliCelsius: Math.round(Number(product.storageMaxCelsius) * 1000),
        };
      }
    }
    // The outbox may not have anchored the last batches yet: LotLedger's own count is ahead of the chain's.
    const [, onChain] = await tracker.deviceOf(address);
    const stored = await ledger.db.device.findUnique({
      where: { chainId_address: { chainId: ledger.chainId, address } },
      select: { lastSequence: true },
    });
    const firstSequence =
      options.firstSequence ?? Math.max(Number(onChain), stored?.lastSequence ?? 0) + 1;
    return {
      domain: readingBatchDomain(ledger.chainId, ledger.contractAddress),
      range,
      firstSequence,
    };
  } finally {
    await ledger.close();
  }
}

export default device;
