"use client";

import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/errors";

type Package = { serial: string; isRemoved: boolean; canRemove: boolean; advice: string | null };

/** Marks the package removed on the server (the recalls' removePackageAction, passed down by the page). */
export type RemovePackage = (
  lotId: string,
  serial: string,
) => Promise<ActionResult<{ serial: string; wasAlreadyRemoved: boolean }>>;

const OFFLINE =
  "LotLedger did not answer (the network may be down): keep the package off the shelf and try again.";

/**
 * The recall alert's one job for the package in hand: take it off the shelf, then say so. Whoever
 * may not mark it (another organisation's package, a read-only account) is told what to do instead.
 */
export function RecallPackageRemoval({
  lotId,
  item,
  removePackage,
}: {
  lotId: string;
  item: Package;
  removePackage: RemovePackage;
}) {
  const [isRemoved, setIsRemoved] = useState(item.isRemoved);
  const [message, setMessage] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();

  if (isRemoved) {
    return (
      <p role="status" className="rounded-xl bg-white/15 p-4 text-xl font-bold">
        ✓ Package {item.serial} is marked removed
      </p>
    );
  }
  if (!item.canRemove) {
    return (
      <p className="text-lg font-semibold">
        Take package {item.serial} off the shelf and give it to the staff of the store holding the
        lot.
      </p>
    );
  }
  function remove() {
    startTransition(async () => {
      const result = await removePackage(lotId, item.serial).catch(() => null);
      if (result?.ok) setIsRemoved(true);
      else setMessage(result?.message ?? OFFLINE);
    });
  }
  return (
    <div className="flex flex-col gap-2">
      {message ? (
        <p role="alert" className="rounded-xl bg-white p-3 text-base font-semibold text-red-900">
          {message}
        </p>
      ) : null}
      <button
        type="button"
        onClick={remove}
        disabled={isPending}
        className="min-h-16 rounded-xl bg-white px-6 text-xl font-black text-red-800 disabled:opacity-70"
      >
        {isPending ? "Recording…" : `Mark package ${item.serial} removed`}
      </button>
    </div>
  );
}
