"use client";

import { useState } from "react";
import type { OfflineDecision } from "@/lib/offline/decide-offline";
import type { QueuedAction } from "@/lib/offline/queue";
import { enqueueAction } from "@/lib/offline/queue-store";

/**
 * What the scan page shows for a code read offline: the lot as the phone last knew it and one big
 * button that queues the action, or the advice when there is nothing to queue. Red for a recall,
 * as online: the package comes off the shelf now, whatever the network does.
 */
export function OfflineScanResult({
  decision,
  userId,
  onDone,
}: {
  decision: Exclude<OfflineDecision, { kind: "refused" }>;
  /** Who queues it: only their session will send it. */
  userId: string;
  /** With the action when it was queued, without when the person moved on. */
  onDone: (queued?: QueuedAction) => void;
}) {
  const [isQueuing, setIsQueuing] = useState(false);
  const isRecalled = decision.lot.recall !== null;

  async function queue() {
    if (decision.kind !== "offer") return;
    setIsQueuing(true);
    await enqueueAction(decision.action, userId);
    onDone(decision.action);
  }

  return (
    <section
      aria-labelledby="offline-lot-title"
      className={`flex flex-col gap-3 rounded-2xl p-4 ${
        isRecalled ? "bg-red-700 text-white" : "border-2 border-ledger-700 bg-white"
      }`}
    >
      <p className="text-base font-semibold">Offline — from this phone's last copy</p>
      <h2 id="offline-lot-title" className="text-2xl font-bold">
        {isRecalled ? "RECALLED — remove from shelf" : (decision.lot.product ?? "Lot")}
      </h2>
      <p className="font-mono text-xl font-bold break-all">Lot {decision.lot.lotCode}</p>
      {decision.kind === "recalled" ? <p className="text-lg">{decision.advice}</p> : null}
      {decision.kind === "held" ? <p className="text-lg">{decision.message}</p> : null}
      {decision.kind === "offer" ? (
        <button
          type="button"
          onClick={queue}
          disabled={isQueuing}
          className={`min-h-14 rounded-xl px-6 text-lg font-bold ${
            isRecalled ? "bg-white text-red-800" : "bg-ledger-700 text-white"
          }`}
        >
          {decision.button}
        </button>
      ) : null}
      <button
        type="button"
        onClick={() => onDone()}
        className={`min-h-14 rounded-xl border-2 px-6 text-lg font-semibold ${
          isRecalled ? "border-white" : "border-ledger-700 text-ledger-900"
        }`}
      >
        {decision.kind === "offer" ? "Cancel" : "Scan next"}
      </button>
    </section>
  );
}
