"use client";

import { describeAction } from "@/lib/offline/queue";
import { dropItem } from "@/lib/offline/queue-store";
import { useOfflineQueue } from "./use-offline-queue";

const time = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit" });

/**
 * The scan page's list of what the phone has not sent yet, and of what the server refused with its
 * sentence: a refusal stays until the person has read it and dismisses it.
 */
export function OfflineQueueList({ userId }: { userId: string }) {
  const { waiting, sent, refused } = useOfflineQueue(userId);
  if (waiting.length + sent.length + refused.length === 0) return null;
  const title =
    waiting.length > 0
      ? `Waiting to send (${waiting.length})`
      : sent.length > 0
        ? "Sent, waiting for the ledger"
        : "Not sent";
  return (
    <section
      id="offline-queue"
      aria-labelledby="offline-queue-title"
      className="flex flex-col gap-3"
    >
      <h2 id="offline-queue-title" className="text-xl font-bold">
        {title}
      </h2>
      {waiting.length > 0 ? (
        <p className="text-base text-stone-700">
          Saved on this phone: they are sent, in this order, as soon as it is back online.
        </p>
      ) : null}
      <ul className="flex flex-col gap-2">
        {refused.map((item) => (
          <li
            key={item.key}
            className="flex flex-col gap-2 rounded-xl border-2 border-red-700 bg-red-50 p-3 text-red-950"
          >
            <p className="text-lg font-semibold">Refused: {describeAction(item.action)}</p>
            <p className="text-base">{item.refusal}</p>
            <button
              type="button"
              onClick={() => void dropItem(item.key)}
              className="min-h-12 self-start rounded-xl border-2 border-red-800 bg-white px-4 text-base font-semibold text-red-900"
            >
              Dismiss
            </button>
          </li>
        ))}
        {sent.map((item) => (
          <li
            key={item.key}
            className="flex flex-col rounded-xl border border-stone-300 bg-white p-3"
          >
            <span className="text-lg font-medium">{describeAction(item.action)}</span>
            <span className="text-base text-stone-700">Sent · waiting for the ledger</span>
          </li>
        ))}
        {waiting.map((item) => (
          <li
            key={item.key}
            className="flex items-baseline justify-between gap-3 rounded-xl border border-amber-300 bg-amber-50 p-3"
          >
            <span className="text-lg font-medium">{describeAction(item.action)}</span>
            <span className="shrink-0 text-sm text-stone-700">
              {time.format(new Date(item.queuedAt))}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
