import { type DBSchema, type IDBPDatabase, openDB } from "idb";
import { newQueueItem, type QueuedAction, type QueueItem } from "./queue";
import type { OfflineSnapshot } from "./snapshot-terms";

// The queue lives in IndexedDB, not in memory: closing the app, a reload or a restart of the phone
// loses nothing typed. Every change is announced so that each badge and list in every tab redraws.

interface OfflineDb extends DBSchema {
  queue: { key: string; value: QueueItem };
  /** The last snapshot of lots per user (load-snapshot.ts), keyed by user id. */
  snapshots: { key: string; value: OfflineSnapshot };
}

const CHANGED = "lotledger-queue-changed";
let database: Promise<IDBPDatabase<OfflineDb>> | null = null;

export function openOfflineDb(): Promise<IDBPDatabase<OfflineDb>> {
  database ??= openDB<OfflineDb>("lotledger-offline", 2, {
    // By name, not by old version: a store missing for any reason is made, none is made twice.
    upgrade(db) {
      if (!db.objectStoreNames.contains("queue")) db.createObjectStore("queue", { keyPath: "key" });
      if (!db.objectStoreNames.contains("snapshots")) db.createObjectStore("snapshots");
    },
  });
  return database;
}

const open = openOfflineDb;

function announce(): void {
  window.dispatchEvent(new Event(CHANGED));
  new BroadcastChannel(CHANGED).postMessage("changed");
}

/** Calls `onChange` whenever the queue changes, in this tab or another; returns the unsubscribe. */
export function watchQueue(onChange: () => void): () => void {
  const channel = new BroadcastChannel(CHANGED);
  channel.onmessage = onChange;
  window.addEventListener(CHANGED, onChange);
  return () => {
    channel.close();
    window.removeEventListener(CHANGED, onChange);
  };
}

export async function listQueue(): Promise<QueueItem[]> {
  return (await open()).getAll("queue");
}

/** Queues the user's action under a new Idempotency-Key. */
export async function enqueueAction(action: QueuedAction, userId: string): Promise<QueueItem> {
  const item = newQueueItem(action, { key: crypto.randomUUID(), userId, now: new Date() });
  await (await open()).put("queue", item);
  announce();
  return item;
}

/** Sent and queued for the ledger: followed until it is on it (follow-ledger.ts). */
export async function markSent(item: QueueItem, writeId: string): Promise<void> {
  await (await open()).put("queue", { ...item, writeId });
  announce();
}

export async function markRefused(item: QueueItem, sentence: string): Promise<void> {
  await (await open()).put("queue", { ...item, refusal: sentence });
  announce();
}

/** Takes an item off the phone: sent, or a refusal the person has read. */
export async function dropItem(key: string): Promise<void> {
  await (await open()).delete("queue", key);
  announce();
}
