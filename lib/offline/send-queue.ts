import { outcomeOf, type QueueItem, requestOf, waitingItems } from "./queue";
import { dropItem, listQueue, markRefused, markSent } from "./queue-store";

let sending: Promise<void> | null = null;

/**
 * Sends the user's waiting actions one at a time, oldest first, each with its Idempotency-Key, and stops at
 * the first that cannot be sent now (no network, a server error): it and those after it stay queued
 * for the next try. One run at a time per page; two tabs sending at once are harmless, as the
 * server applies each key once.
 */
export function sendQueue(userId: string): Promise<void> {
  sending ??= sendWaiting(userId).finally(() => {
    sending = null;
  });
  return sending;
}

async function sendWaiting(userId: string): Promise<void> {
  for (const item of waitingItems(await listQueue(), userId)) {
    if (!(await sendItem(item))) return;
  }
}

async function sendItem(item: QueueItem): Promise<boolean> {
  const { url, body } = requestOf(item.action);
  let response: Response;
  try {
    response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", "idempotency-key": item.key },
      body: JSON.stringify(body),
    });
  } catch {
    return false;
  }
  const outcome = outcomeOf(response.status, await response.json().catch(() => null));
  if (outcome.kind === "unsent") return false;
  if (outcome.kind === "refused") await markRefused(item, outcome.sentence);
  else if (outcome.writeId) await markSent(item, outcome.writeId);
  else await dropItem(item.key);
  return true;
}
