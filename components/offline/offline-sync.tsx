"use client";

import Link from "next/link";
import { useEffect } from "react";
import { followSentItems } from "@/lib/offline/follow-ledger";
import { sendQueue } from "@/lib/offline/send-queue";
import { SNAPSHOT_URL } from "@/lib/offline/snapshot-terms";
import { useOfflineQueue } from "./use-offline-queue";

/** How often a phone that stays online retries what the server could not take (a 5xx, a 429). */
const RETRY_MS = 30_000;
/** How often a sent action's ledger write is asked about until it is on the ledger. */
const FOLLOW_MS = 3_000;

/**
 * The staff header's offline leaf: installs the service worker, sends the queue on every page load,
 * when the phone comes back online and every half minute while something waits, follows what was
 * sent until it is on the ledger, and says how many actions are waiting or were refused (the list
 * is on the scan page).
 */
export function OfflineSync({ userId }: { userId: string }) {
  const { waiting, sent, refused } = useOfflineQueue(userId);
  const hasWaiting = waiting.length > 0;
  const hasSent = sent.length > 0;

  useEffect(() => {
    void registerServiceWorker();
    void sendQueue(userId);
    const onOnline = () => void sendQueue(userId);
    window.addEventListener("online", onOnline);
    return () => window.removeEventListener("online", onOnline);
  }, [userId]);

  useEffect(() => {
    if (!hasWaiting) return;
    const timer = setInterval(() => navigator.onLine && void sendQueue(userId), RETRY_MS);
    return () => clearInterval(timer);
  }, [hasWaiting, userId]);

  useEffect(() => {
    if (!hasSent) return;
    const timer = setInterval(() => navigator.onLine && void followSentItems(userId), FOLLOW_MS);
    return () => clearInterval(timer);
  }, [hasSent, userId]);

  if (!hasWaiting && refused.length === 0) return null;
  return (
    <p role="status">
      <Link
        href="/scan#offline-queue"
        className={`flex min-h-11 items-center rounded-lg px-3 text-base font-semibold ${
          refused.length > 0 ? "bg-red-100 text-red-900" : "bg-amber-100 text-amber-950"
        }`}
      >
        {hasWaiting ? `Waiting to send (${waiting.length})` : null}
        {hasWaiting && refused.length > 0 ? " · " : null}
        {refused.length > 0 ? `Refused (${refused.length})` : null}
      </Link>
    </p>
  );
}

/**
 * Registers public/sw.js, then names the lot pages worth keeping offline: those of the lots in the
 * snapshot (the organisation's incoming and held lots), newest first.
 */
async function registerServiceWorker(): Promise<void> {
  if (!("serviceWorker" in navigator)) return;
  try {
    await navigator.serviceWorker.register("/sw.js", { scope: "/" });
    const ready = await navigator.serviceWorker.ready;
    const snapshot = await fetch(SNAPSHOT_URL).then((response) => response.json());
    const urls = (snapshot?.lots ?? [])
      .slice(0, 10)
      .map((lot: { lotId: string }) => `/lots/${lot.lotId}`);
    ready.active?.postMessage({ type: "keep-pages", urls });
  } catch {
    // Offline, or a browser without service workers: the app works as before, online only.
  }
}
