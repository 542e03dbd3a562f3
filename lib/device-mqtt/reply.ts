import { z } from "zod";

/**
 * LotLedger's answer to one batch, on the device's replies topic: accepted with the stored batch's
 * id, or rejected with the sentence saying what is wrong. `sequence` is null when the message was
 * not readable enough to have one.
 */
export const deviceReplySchema = z.discriminatedUnion("status", [
  z.object({
    sequence: z.number().int().nullable(),
    status: z.literal("accepted"),
    batchId: z.string(),
  }),
  z.object({
    sequence: z.number().int().nullable(),
    status: z.literal("rejected"),
    reason: z.string(),
  }),
]);

export type DeviceReply = z.infer<typeof deviceReplySchema>;

/** The batch's sequence, read from a message that may be anything: for the reply to name it. */
export function sequenceOf(message: unknown): number | null {
  const batch = (message as { batch?: { sequence?: unknown } } | null)?.batch;
  const sequence = typeof batch === "object" && batch !== null ? batch.sequence : undefined;
  return Number.isSafeInteger(sequence) ? (sequence as number) : null;
}
