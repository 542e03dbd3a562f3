import { postUntilAnswered } from "./client";
import { inPool } from "./requests";

// Batched shipments in the chaos run: some lots travel several to a shipment (POST /api/shipments,
// one handoffBatch write) among the single handoffs, and are received whole once the chaos is over
// (POST /api/shipments/{reference}/receipts, one acceptShipment write). Each request carries an
// Idempotency-Key, so a phone that lost the answer and sends again makes no second write.

export type ShipmentWrites = { acknowledged: string[]; references: string[] };

/** Lots per shipment, and how many of the run's lots travel in shipments (about a third). */
export const LOTS_PER_SHIPMENT = 3;
export const shipmentCountFor = (lots: number) => Math.floor(lots / (3 * LOTS_PER_SHIPMENT));

/** Ships each group of lots to `recipientGln` in one request; returns the writes acknowledged. */
export async function shipInBatches(
  baseUrl: string,
  cookie: string,
  groups: readonly string[][],
  {
    recipientGln,
    pauseMs,
    random,
    log,
  }: {
    recipientGln: string;
    pauseMs: number;
    random: () => number;
    log: (line: string) => void;
  },
): Promise<ShipmentWrites> {
  const writes: ShipmentWrites = { acknowledged: [], references: [] };
  await inPool(groups, groups.length, async (lotIds, i) => {
    await new Promise((resolve) => setTimeout(resolve, pauseMs * (0.5 + random())));
    const key = { "idempotency-key": crypto.randomUUID() };
    const body = { recipientGln, lotIds, documentType: "bol", documentNumber: `CHAOS-BOL-${i}` };
    const outcome = await postUntilAnswered(`${baseUrl}/api/shipments`, cookie, body, 180_000, key);
    // 200: a retry the app recognised by its key, answered with the first try's write.
    if (outcome?.status !== 202 && outcome?.status !== 200) {
      log(`chaos: shipment of ${lotIds.length} lots not acknowledged: ${JSON.stringify(outcome)}`);
      return;
    }
    writes.acknowledged.push(outcome.body.writeId as string);
    writes.references.push(outcome.body.reference as string);
  });
  return writes;
}

/** The recipient receives each shipment whole; returns the receipt writes acknowledged. */
export async function receiveWhole(
  baseUrl: string,
  cookie: string,
  references: readonly string[],
  log: (line: string) => void,
): Promise<string[]> {
  const acknowledged: string[] = [];
  await inPool(references, 4, async (reference) => {
    const url = `${baseUrl}/api/shipments/${reference}/receipts`;
    const key = { "idempotency-key": crypto.randomUUID() };
    const outcome = await postUntilAnswered(url, cookie, { decision: "accept" }, 180_000, key);
    if (outcome?.status === 202 || outcome?.status === 200) {
      acknowledged.push(outcome.body.writeId as string);
    } else
      log(`chaos: receipt of shipment ${reference} not acknowledged: ${JSON.stringify(outcome)}`);
  });
  return acknowledged;
}
