import { readText } from "@/lib/api/body";
import { respond } from "@/lib/api/respond";
import { authenticateRequest } from "@/lib/auth/caller";
import { getDb } from "@/lib/db";
import { ingestDeviceBatch, MAX_BATCH_READINGS } from "@/lib/devices";

/** 10,000 readings as {"t": …, "mc": …}, with room to spare. */
const UPLOAD_LIMIT = {
  maxBytes: 2_000_000,
  tooLarge: `The batch is larger than 2 MB: send at most ${MAX_BATCH_READINGS.toLocaleString("en")} readings in one batch.`,
};

/**
 * POST { batch, signature, readings } as a data logger signed it (docs/devices.md), with an API key
 * of the device's organisation: checks, stores and queues the batch for anchoring, as over MQTT.
 * 201 with the batch's id and its count, or the refusal's sentence.
 */
export async function POST(request: Request, { params }: { params: Promise<{ address: string }> }) {
  return respond("POST /api/devices/[address]/readings", 201, async () => {
    const member = await authenticateRequest(request, { scope: "RECORD" });
    const { address } = await params;
    const { batchId, readingCount } = await ingestDeviceBatch({
      db: getDb(),
      message: await readText(request, UPLOAD_LIMIT),
      via: "https",
      deviceAddress: address,
      organizationId: member.organization.id,
    });
    return { batchId, readingCount };
  });
}
