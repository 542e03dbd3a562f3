// The offline queue's rules, without IndexedDB or fetch (queue-store.ts and send-queue.ts hold
// those): what each queued action sends, how an answer settles it, which one goes next.

/** What a person did on the phone without the network, as it will be sent. */
export type QueuedAction =
  | { kind: "receive"; lotId: string; lotCode: string; product: string | null }
  | { kind: "remove"; recallId: string; lotId: string; lotCode: string; serial: string };

/**
 * One queued action. `key` is its Idempotency-Key, made when it was queued: however often the phone
 * sends it (a lost answer, a reload mid-send), the server applies it once.
 */
export type QueueItem = {
  key: string;
  /** Who queued it: only their session sends it, never the next person signed in on the phone. */
  userId: string;
  queuedAt: string;
  action: QueuedAction;
  /** Refused by the server or the ledger, with its sentence: kept until the person dismisses it. */
  refusal: string | null;
  /** Sent: the ledger write it became, followed until it is on the ledger (follow-ledger.ts). */
  writeId: string | null;
};

/** How one attempt to send an item ended. */
export type SendOutcome =
  /** `writeId` when it became a ledger write (a removal is done at once and has none). */
  | { kind: "sent"; writeId: string | null }
  | { kind: "refused"; sentence: string }
  /** No network, a server error, signed out or rate-limited: it stays queued, sending stops. */
  | { kind: "unsent" };

export function newQueueItem(
  action: QueuedAction,
  { key, userId, now }: { key: string; userId: string; now: Date },
): QueueItem {
  return { key, userId, queuedAt: now.toISOString(), action, refusal: null, writeId: null };
}

/** The API request an action becomes (docs/api.md). */
export function requestOf(action: QueuedAction): { url: string; body: object } {
  switch (action.kind) {
    case "receive":
      return {
        url: `/api/lots/${encodeURIComponent(action.lotId)}/receipts`,
        body: { decision: "accept" },
      };
    case "remove":
      return {
        url: `/api/recalls/${encodeURIComponent(action.recallId)}/removals`,
        body: { lotId: action.lotId, serial: action.serial },
      };
  }
}

/** What the person did, in the words of the button they pressed. */
export function describeAction(action: QueuedAction): string {
  return action.kind === "receive"
    ? `Accept lot ${action.lotCode}${action.product ? ` (${action.product})` : ""}`
    : `Mark package ${action.serial} of lot ${action.lotCode} removed`;
}

// Answers that say "not now" rather than "no": try again later, in the same order.
const RETRY_LATER = new Set([401, 408, 425, 429]);

/** Settles an item from the server's answer: its status and JSON body (`{ error, code }` on a 4xx). */
export function outcomeOf(status: number, body: unknown): SendOutcome {
  if (status >= 200 && status < 300) {
    const writeId = (body as { writeId?: unknown } | null)?.writeId;
    return { kind: "sent", writeId: typeof writeId === "string" ? writeId : null };
  }
  if (status >= 400 && status < 500 && !RETRY_LATER.has(status)) {
    return { kind: "refused", sentence: sentenceOf(body) };
  }
  return { kind: "unsent" };
}

function sentenceOf(body: unknown): string {
  const error = (body as { error?: unknown } | null)?.error;
  if (typeof error === "string") return error;
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === "string"
    ? message
    : "LotLedger refused this action without saying why: open the lot to see where it stands.";
}

const ofUser = (items: QueueItem[], userId: string, isIn: (item: QueueItem) => boolean) =>
  items
    .filter((item) => item.userId === userId && isIn(item))
    .sort((a, b) => a.queuedAt.localeCompare(b.queuedAt));

/** The user's items still to send, oldest first: actions land in the order they were taken. */
export function waitingItems(items: QueueItem[], userId: string): QueueItem[] {
  return ofUser(items, userId, (item) => item.refusal === null && !item.writeId);
}

/** The user's sent items whose ledger write is not on the ledger yet. */
export function sentItems(items: QueueItem[], userId: string): QueueItem[] {
  return ofUser(items, userId, (item) => item.refusal === null && Boolean(item.writeId));
}

/** The user's refused items, oldest first. */
export function refusedItems(items: QueueItem[], userId: string): QueueItem[] {
  return ofUser(items, userId, (item) => item.refusal !== null);
}
