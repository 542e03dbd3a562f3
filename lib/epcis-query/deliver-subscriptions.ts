import "server-only";
import type { Db } from "@/lib/db/client";
import { decryptSigningKey } from "@/lib/organizations";
import { postWebhook, retryDelayMs } from "@/lib/recall";
import { findEpcisEvents } from "./find-events";
import { epcisQueryDocument } from "./query-document";
import { parseEventQuery, type RawQuery } from "./query-params";

// The subscriptions' delivery pass (run by the notifier with the recall notices): for each
// subscription due, the next events of its query after its cursor, by (recordTime, id), that its
// organisation may see, POSTed as one EPCISQueryDocument with the recall webhooks' signing and
// retries. The cursor moves past them only after a 2xx, in the same update that ends the lease:
// a worker stopped in between sends them again (at least once, with the same delivery id), and a
// receiver down for hours gets everything it missed, in order, when it is back.

export type SubscriptionContext = {
  db: Db;
  /** WEBHOOK_SECRETS_KEY: the subscriptions' signature tokens are sealed with it. */
  secretsKey: string;
  log: (line: string) => void;
  retryBaseMs?: number;
  /**
   * How old an event's recordTime must be before it is delivered: a capture's transaction that is
   * still open may yet commit events recorded before the newest committed ones, and the cursor
   * must not pass them.
   */
  settleMs?: number;
  addressing?: Parameters<typeof postWebhook>[0]["addressing"];
};

const BATCH = 20;
const EVENTS_PER_DELIVERY = 100;
const LEASE_MS = 60_000;
/** How soon a stream subscription looks for new events again. */
const POLL_MS = 2_000;
export const SETTLE_MS = 30_000;

/** One pass; returns how many subscriptions it delivered to. */
export async function deliverDueSubscriptions(ctx: SubscriptionContext): Promise<number> {
  const { db } = ctx;
  const now = new Date();
  const due = await db.epcisSubscription.findMany({
    where: { nextAttemptAt: { lte: now }, OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }] },
    orderBy: { nextAttemptAt: "asc" },
    take: BATCH,
    select: { id: true },
  });
  let delivered = 0;
  for (const { id } of due) {
    const { count } = await db.epcisSubscription.updateMany({
      where: { id, OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }] },
      data: { leaseUntil: new Date(Date.now() + LEASE_MS) },
    });
    if (count === 1 && (await deliverOne(ctx, id))) delivered++;
  }
  return delivered;
}

async function deliverOne(ctx: SubscriptionContext, id: string): Promise<boolean> {
  const { db } = ctx;
  const subscription = await db.epcisSubscription.findUniqueOrThrow({
    where: { id },
    include: { query: { include: { organization: true } } },
  });
  const { query, afterRecordTime, afterEventRowId } = subscription;
  const eventQuery = {
    ...parseEventQuery(query.query as RawQuery),
    orderBy: "recordTime" as const,
    orderDirection: "ASC" as const,
  };
  eventQuery.recordTime = {
    ...eventQuery.recordTime,
    lt: new Date(Date.now() - (ctx.settleMs ?? SETTLE_MS)),
  };
  const page = await findEpcisEvents({
    db,
    member: { organization: query.organization },
    query: eventQuery,
    perPage: EVENTS_PER_DELIVERY,
    after: { time: afterRecordTime, id: afterEventRowId },
  });
  const cursor = page.reached ?? { time: afterRecordTime, id: afterEventRowId };
  const idle = {
    leaseUntil: null,
    nextAttemptAt: new Date(Date.now() + (page.next ? 0 : POLL_MS)),
  };
  if (page.events.length === 0) {
    await db.epcisSubscription.update({
      where: { id },
      data: { afterRecordTime: cursor.time, afterEventRowId: cursor.id, ...idle },
    });
    return false;
  }
  const body = JSON.stringify(
    epcisQueryDocument(page.events, { queryName: query.name, subscriptionID: id }),
  );
  try {
    await postWebhook({
      url: subscription.dest,
      secret: decryptSigningKey(subscription.encryptedSignatureToken, ctx.secretsKey),
      body,
      // The same on a repeat of this very delivery, so a receiver can tell it is one.
      deliveryId: `${id}:${cursor.id}`,
      addressing: ctx.addressing,
    });
  } catch (error) {
    const attempts = subscription.attempts + 1;
    const delay = retryDelayMs(attempts, ctx.retryBaseMs ?? 5_000);
    const lastError = error instanceof Error ? error.message : String(error);
    ctx.log(
      `notifier: EPCIS subscription ${id} failed (attempt ${attempts}): ${lastError}; retrying in ${Math.round(delay / 1000)} s`,
    );
    await db.epcisSubscription.update({
      where: { id },
      data: { attempts, lastError, leaseUntil: null, nextAttemptAt: new Date(Date.now() + delay) },
    });
    return false;
  }
  await db.epcisSubscription.update({
    where: { id },
    data: {
      afterRecordTime: cursor.time,
      afterEventRowId: cursor.id,
      attempts: 0,
      lastError: null,
      lastNotifiedAt: new Date(),
      ...idle,
    },
  });
  return true;
}
