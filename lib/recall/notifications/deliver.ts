import "server-only";
import type { Db } from "@/lib/db/client";
import type { MailConfig } from "@/lib/mail/send-mail";
import type { NoticeMessage } from "./queue";
import { PermanentDeliveryError, transportFor } from "./transports";

export type NotifierContext = {
  db: Db;
  masterKey: string;
  /** SMTP_URL and MAIL_FROM; without them, organisations without a webhook get the log. */
  mail?: MailConfig;
  log: (line: string) => void;
  /** The wait after the first failed attempt; it doubles with each further one. */
  retryBaseMs?: number;
};

const BATCH = 20;
/**
 * Longer than a webhook call or an SMTP exchange may take (lib/mail/send-mail.ts's timeouts): a worker
 * that died mid-delivery frees the notice after it.
 */
const LEASE_MS = 60_000;
/** How soon a notice waiting for its recall to reach the ledger is looked at again. */
const LEDGER_WAIT_MS = 1_000;

/**
 * One pass of the notifier: takes the notices that are due, sends each whose recall (or lift) the
 * ledger has recorded, cancels those whose recall (or lift) it refused, and schedules a retry with backoff for each that
 * failed. Delivered notices are never sent again. Returns how many notices it handled.
 */
export async function deliverDueNotifications(ctx: NotifierContext): Promise<number> {
  const { db } = ctx;
  const now = new Date();
  const due = await db.notification.findMany({
    where: {
      status: "PENDING",
      nextAttemptAt: { lte: now },
      OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }],
    },
    orderBy: { nextAttemptAt: "asc" },
    take: BATCH,
    select: {
      id: true,
      organizationId: true,
      payload: true,
      attempts: true,
      recall: { select: { ledgerTransactionId: true } },
    },
  });
  // A recall's notice waits for the recall's write, a lift's notice for the lift's; a cold-chain
  // alert's notice waits for nothing (the hold or excursion it tells of is on the chain already).
  const gateOf = (notice: (typeof due)[number]): string | null => {
    const message = notice.payload as NoticeMessage;
    if (message.type === "recall.lifted") return message.liftWriteId;
    return notice.recall?.ledgerTransactionId ?? null;
  };
  const writes = await db.ledgerTransaction.findMany({
    where: { id: { in: due.map(gateOf).filter((id) => id !== null) } },
    select: { id: true, status: true },
  });
  const ledgerStatus = new Map(writes.map((w) => [w.id, w.status]));
  let handled = 0;
  for (const notice of due) {
    const gate = gateOf(notice);
    const status = gate === null ? "CONFIRMED" : ledgerStatus.get(gate);
    if (status === "FAILED") {
      const isLift = (notice.payload as NoticeMessage).type === "recall.lifted";
      await db.notification.updateMany({
        where: { id: notice.id, status: "PENDING" },
        data: {
          status: "CANCELLED",
          lastError: isLift
            ? "The ledger refused to lift the recall."
            : "The ledger refused the recall.",
        },
      });
      handled++;
    } else if (status !== "CONFIRMED") {
      // Not sent before the ledger has it: a recall it refuses must never have been announced.
      await db.notification.update({
        where: { id: notice.id },
        data: { nextAttemptAt: new Date(Date.now() + LEDGER_WAIT_MS) },
      });
    } else if (await claim(db, notice.id)) {
      await attempt(ctx, { ...notice, message: notice.payload as NoticeMessage });
      handled++;
    }
  }
  return handled;
}

/** Leases the notice to this worker; false when another worker holds it. */
async function claim(db: Db, id: string): Promise<boolean> {
  const now = new Date();
  const { count } = await db.notification.updateMany({
    where: { id, status: "PENDING", OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }] },
    data: { leaseUntil: new Date(now.getTime() + LEASE_MS) },
  });
  return count === 1;
}

async function attempt(
  ctx: NotifierContext,
  notice: { id: string; organizationId: string; attempts: number; message: NoticeMessage },
): Promise<void> {
  const { db } = ctx;
  const attempts = notice.attempts + 1;
  let transport = "unknown";
  let remark: string | undefined;
  try {
    const chosen = await transportFor(db, {
      ...notice,
      masterKey: ctx.masterKey,
      mail: ctx.mail,
      log: ctx.log,
    });
    transport = chosen.name;
    remark = await chosen.send(notice);
  } catch (error) {
    const lastError = error instanceof Error ? error.message : String(error);
    // A mail server refusing every recipient with 5xx refuses them again: retrying only delays "failed".
    const isLast = attempts >= MAX_ATTEMPTS || error instanceof PermanentDeliveryError;
    const delay = retryDelayMs(attempts, ctx.retryBaseMs ?? 5_000);
    ctx.log(
      `notifier: ${transport} notice ${notice.id} failed (attempt ${attempts}): ${lastError}${isLast ? "; giving up" : `; retrying in ${Math.round(delay / 1000)} s`}`,
    );
    await db.notification.update({
      where: { id: notice.id },
      data: {
        attempts,
        transport,
        lastError,
        leaseUntil: null,
        ...(isLast ? { status: "FAILED" } : { nextAttemptAt: new Date(Date.now() + delay) }),
      },
    });
    return;
  }
  await db.notification.update({
    where: { id: notice.id },
    data: {
      status: "DELIVERED",
      deliveredAt: new Date(),
      attempts,
      transport,
      leaseUntil: null,
      // A remark of a delivery (whom the mail server refused), else nothing: the last error is past.
      lastError: remark ?? null,
    },
  });
}

/** The most attempts at one notice: doubling from 5 s, the last comes about a day after the first. */
export const MAX_ATTEMPTS = 16;
const MAX_DELAY_MS = 6 * 60 * 60 * 1000;

/**
 * How long to wait before the next attempt after `attempts` failed ones: doubling from `baseMs`, at
 * most six hours, with up to a tenth more at random so that receivers coming back from an outage are
 * not hit by every sender at the same instant.
 */
export function retryDelayMs(attempts: number, baseMs: number, random = Math.random): number {
  const delay = Math.min(baseMs * 2 ** Math.max(0, attempts - 1), MAX_DELAY_MS);
  return Math.round(delay * (1 + random() / 10));
}
