"use client";

import { useEffect, useState } from "react";
import type { QueueItem } from "@/lib/offline/queue";
import { listQueue, watchQueue } from "@/lib/offline/queue-store";

/** The phone's offline queue as it stands, redrawn on every change in any tab. */
export function useOfflineQueue(): { waiting: QueueItem[]; refused: QueueItem[] } {
  const [items, setItems] = useState<QueueItem[]>([]);
  useEffect(() => {
    const load = () => void listQueue().then(setItems);
    load();
    return watchQueue(load);
  }, []);
  const byTime = (a: QueueItem, b: QueueItem) => a.queuedAt.localeCompare(b.queuedAt);
  return {
    waiting: items.filter((item) => item.refusal === null).sort(byTime),
    refused: items.filter((item) => item.refusal !== null).sort(byTime),
  };
}
