import { type QueueItem, sentItems } from "./queue";
import { dropItem, listQueue, markRefused } from "./queue-store";

/** Where a sent action's ledger write stands, from `GET /api/ledger-writes/{id}`'s answer. */
export type LedgerState = "on-ledger" | "pending" | { failed: string };

/**
 * Reads the ledger write's answer: on the ledger once recorded and indexed (`isOnLedger`; a server
 * that does not say so yet counts CONFIRMED), failed with the ledger's reason, else still pending.
 */
export function ledgerStateOf(body: unknown): LedgerState {
  const write = (body ?? {}) as { status?: unknown; isOnLedger?: unknown; error?: unknown };
  if (write.status === "FAILED") {
    return {
      failed:
        typeof write.error === "string"
          ? write.error
          : "The ledger refused this action: open the lot to see where it stands.",
    };
  }
  const isOnLedger =
    typeof write.isOnLedger === "boolean" ? write.isOnLedger : write.status === "CONFIRMED";
  return isOnLedger ? "on-ledger" : "pending";
}

/**
 * Asks once where each of the user's sent actions stands: one on the ledger leaves the phone, one
 * the ledger refused comes back as refused with its reason, the rest are asked again later.
 */
export async function followSentItems(userId: string): Promise<void> {
  for (const item of sentItems(await listQueue(), userId)) await follow(item);
}

async function follow(item: QueueItem): Promise<void> {
  const response = await fetch(
    `/api/ledger-writes/${encodeURIComponent(item.writeId ?? "")}`,
  ).catch(() => null);
  if (!response?.ok) return;
  const state = ledgerStateOf(await response.json().catch(() => null));
  if (state === "on-ledger") await dropItem(item.key);
  else if (state !== "pending") await markRefused(item, state.failed);
}
