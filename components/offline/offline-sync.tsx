"use client";

import Link from "next/link";
import { useEffect } from "react";
import { followSentItems } from "@/lib/offline/follow-ledger";
import { loadSnapshot } from "@/lib/offline/load-snapshot";
import { sendQueue } from "@/lib/offline/send-queue";
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
    void keepForOffline(userId);
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
 * Takes a fresh snapshot of the user's lots (load-snapshot.ts saves it on the phone, whatever the
 * service worker does), registers public/sw.js, and names the lot pages worth keeping offline:
 * those in the snapshot, newest first.
 */
async function keepForOffline(userId: string): Promise<void> {
  const snapshot = await loadSnapshot(userId);
  if (!("serviceWorker" in navigator)) return;
  try {
    await navigator.serviceWorker.register("/sw.js", { scope: "/" });
    const ready = await navigator.serviceWorker.ready;
    const urls = (snapshot?.lots ?? []).slice(0, 10).map((lot) => `/lots/${lot.lotId}`);
    ready.active?.postMessage({ type: "keep-pages", urls });
  } catch {
    // A browser that refuses service workers (private mode, a policy): pages need the network.
  }
}
