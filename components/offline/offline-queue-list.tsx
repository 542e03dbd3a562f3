"use client";

import { Fragment, type ReactNode } from "react";
import { describeAction, type QueueItem } from "@/lib/offline/queue";
import { dropItem } from "@/lib/offline/queue-store";
import { useOfflineQueue } from "./use-offline-queue";

const time = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit" });

/**
 * The scan page's account of the user's offline actions, in three groups: refused by the server
 * with its sentence (kept until dismissed), sent and waiting for the ledger, and waiting to send.
 */
export function OfflineQueueList({ userId }: { userId: string }) {
  const { waiting, sent, refused } = useOfflineQueue(userId);
  if (waiting.length + sent.length + refused.length === 0) return null;
  return (
    <div id="offline-queue" className="flex flex-col gap-5">
      <Group title={`Refused (${refused.length})`} items={refused}>
        {(item) => (
          <li className="flex flex-col gap-2 rounded-xl border-2 border-red-700 bg-red-50 p-3 text-red-950">
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
        )}
      </Group>
      <Group title={`Sent, waiting for the ledger (${sent.length})`} items={sent}>
        {(item) => (
          <li className="rounded-xl border border-stone-300 bg-white p-3 text-lg font-medium">
            {describeAction(item.action)}
          </li>
        )}
      </Group>
      <Group
        title={`Waiting to send (${waiting.length})`}
        hint="Saved on this phone: sent in this order as soon as it is online."
        items={waiting}
      >
        {(item) => (
          <li className="flex items-baseline justify-between gap-3 rounded-xl border border-amber-300 bg-amber-50 p-3">
            <span className="text-lg font-medium">{describeAction(item.action)}</span>
            <span className="shrink-0 text-sm text-stone-700">
              {time.format(new Date(item.queuedAt))}
            </span>
          </li>
        )}
      </Group>
    </div>
  );
}

function Group({
  title,
  hint,
  items,
  children,
}: {
  title: string;
  hint?: string;
  items: QueueItem[];
  children: (item: QueueItem) => ReactNode;
}) {
  if (items.length === 0) return null;
  return (
    <section aria-label={title} className="flex flex-col gap-2">
      <h2 className="text-xl font-bold">{title}</h2>
      {hint ? <p className="text-base text-stone-700">{hint}</p> : null}
      <ul className="flex flex-col gap-2">
        {items.map((item) => (
          <Fragment key={item.key}>{children(item)}</Fragment>
        ))}
      </ul>
    </section>
  );
}
