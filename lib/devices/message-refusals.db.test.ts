import { afterAll, beforeAll, describe, it } from "vitest";
import { readingBatchSigner } from "@/lib/chain/reading-batch";
import { minuteReadings } from "@/tools/testing/device-logger";
import { createIngestWorld, type IngestWorld } from "@/tools/testing/ingest-world";
import { GTIN } from "@/tools/testing/ledger-world";
import { readingBatchDomainOf } from "./ledger-domain";

// A message that is not a batch, a batch not signed by the device it claims, and a device that may not
// report this lot: each refused with its sentence, nothing stored (ingest-world counts the rows).

let w: IngestWorld;
const batchOf = (logger: IngestWorld["logger"], lotCode = "ING-1") =>
  logger.batch({ gtin: GTIN, lotCode, sequence: 5, readings: minuteReadings(w.now, [3000, 3500]) });

beforeAll(async () => {
  w = await createIngestWorld();
});

afterAll(async () => {
  await w.world.drop();
});

describe("ingesting a malformed message", () => {
  it("refuses what is not JSON, naming nothing it cannot read", async () => {
    await w.expectRefusal(
      '{"batch": {',
      "The message is not JSON: send the batch, its signature and its readings as one JSON object.",
    );
  });

  it("names the first field that is missing or malformed", async () => {
    const message = await batchOf(w.logger);
    const { readingCount: _, ...withoutCount } = message.batch;
    await w.expectRefusal(
      { ...message, batch: withoutCount },
      "The message's batch.readingCount is missing or malformed: send a whole number of readings from 1 to 10,000.",
    );
    await w.expectRefusal(
      { ...message, readings: [message.readings[0], { t: message.readings[1]?.t, mc: 3.5 }] },
      "The message's readings.1.mc is missing or malformed: send whole milli-°C.",
    );
  });

  it("refuses a batch without a signature, with one that is not 65 bytes, or not a signature at all", async () => {
    const message = await batchOf(w.logger);
    await w.expectRefusal(
      { ...message, signature: undefined },
      "The batch has no signature: sign it with the device's key (EIP-712 ReadingBatch) and send it as signature.",
    );
    await w.expectRefusal(
      { ...message, signature: message.signature.slice(0, 130) },
      "The batch's signature is not 65 bytes: send the device's whole EIP-712 signature, 0x and 130 hex digits.",
    );
    await w.expectRefusal(
      { ...message, signature: `0x${"11".repeat(65)}` },
      "The batch's signature is not a signature any key can make: sign the batch with the device's key (EIP-712 ReadingBatch).",
    );
  });
});

describe("ingesting a batch its device may not report", () => {
  it("refuses a signature by another key than the topic's device", async () => {
    await w.expectRefusal(
      await batchOf(w.stranger),
      `The batch's signature is from ${w.stranger.address}, not from device ${w.logger.address} whose topic it was published on: sign each batch with that device's own key.`,
      { deviceAddress: w.logger.wallet.address },
    );
  });

  it("refuses an unregistered device, and a batch changed after it was signed", async () => {
    const unknown = (address: string) =>
      `The batch's signature is not from a registered device: ${address} is unknown to LotLedger; register the logger on your organisation's Devices page first.`;
    await w.expectRefusal(await batchOf(w.stranger), unknown(w.stranger.address));
    const signed = await batchOf(w.logger);
    const changed = { ...signed, batch: { ...signed.batch, maxMilliCelsius: 3400 } };
    const domain = await readingBatchDomainOf(w.world.db, 31337);
    const recovered = readingBatchSigner(domain, changed.batch, signed.signature).toLowerCase();
    await w.expectRefusal(changed, unknown(recovered));
  });

  it("refuses a revoked device", async () => {
    await w.expectRefusal(
      await batchOf(w.revokedLogger),
      `Device Old logger (${w.revokedLogger.address}) was revoked by Test farm, so its batches are refused: register a new logger.`,
    );
  });

  it("refuses a device of an organisation that neither holds nor carries the lot", async () => {
    await w.expectRefusal(
      await batchOf(w.shopLogger),
      "Device Shop logger belongs to Test retailer, which neither holds lot ING-1 nor is carrying it: only devices of the lot's custodian or of the carrier it is on its way to report its readings.",
    );
  });

  it("refuses over HTTPS an API key of another organisation than the device's", async () => {
    await w.expectRefusal(
      await batchOf(w.logger),
      `Device ${w.logger.address} is not one of your organisation's devices: send its batches with an API key of Test farm.`,
      { organizationId: w.world.members.retailer.organization.id },
    );
  });

  it("refuses a lot that is not on the ledger", async () => {
    await w.expectRefusal(
      await batchOf(w.logger, "NOPE-1"),
      `Lot NOPE-1 of GTIN ${GTIN} is not on the ledger: check the lot the logger was given.`,
    );
  });
});
