"use client";

import { useEffect, useState } from "react";
import { type QueueItem, refusedItems, sentItems, waitingItems } from "@/lib/offline/queue";
import { listQueue, watchQueue } from "@/lib/offline/queue-store";

/**
 * The user's part of the phone's offline queue as it stands, redrawn on every change in any tab.
 * Another person's actions on a shared phone stay theirs: they see and send them when signed in.
 */
export function useOfflineQueue(userId: string): {
  waiting: QueueItem[];
  sent: QueueItem[];
  refused: QueueItem[];
} {
  const [items, setItems] = useState<QueueItem[]>([]);
  useEffect(() => {
    const load = () => void listQueue().then(setItems);
    load();
    return watchQueue(load);
  }, []);
  return {
    waiting: waitingItems(items, userId),
    sent: sentItems(items, userId),
    refused: refusedItems(items, userId),
  };
}
