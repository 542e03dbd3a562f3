"use client";

import { useEffect, useRef } from "react";
import type { LedgerWriteStatus } from "@/lib/ledger-writes/write-status";

const FIRST_DELAY_MS = 400;
const LONGEST_DELAY_MS = 2_000;

/** One write's status from GET /api/ledger-writes/{id}; null when it cannot be read just now. */
export async function fetchLedgerWrite(id: string): Promise<LedgerWriteStatus | null> {
  try {
    const response = await fetch(`/api/ledger-writes/${encodeURIComponent(id)}`, {
      cache: "no-store",
      headers: { accept: "application/json" },
    });
    return response.ok ? ((await response.json()) as LedgerWriteStatus) : null;
  } catch {
    // Offline or the server restarting: the next poll asks again.
    return null;
  }
}

/**
 * Calls `poll` while `key` is non-empty, first after 400 ms and then less often (up to every 2 s),
 * until it answers true; paused while the tab is hidden, asked at once when it shows again. A new
 * key starts over.
 */
export function useWhileVisible(key: string, poll: () => Promise<boolean>) {
  const latest = useRef(poll);
  latest.current = poll;
  useEffect(() => {
    if (!key) return;
    let delay = FIRST_DELAY_MS;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let isDone = false;
    let isAsking = false;
    const ask = async () => {
      timer = undefined;
      if (isDone || isAsking || document.visibilityState === "hidden") return;
      isAsking = true;
      const isFinished = await latest.current();
      isAsking = false;
      if (isFinished || isDone) return;
      delay = Math.min(delay * 1.5, LONGEST_DELAY_MS);
      timer = setTimeout(ask, delay);
    };
    const onVisible = () => {
      if (document.visibilityState === "visible" && timer === undefined) void ask();
    };
    timer = setTimeout(ask, delay);
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      isDone = true;
      clearTimeout(timer);
      document.removeEventListener("visibilitychange", onVisible);
    };
  }, [key]);
}
