"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useState } from "react";
import {
  describeWrite,
  type FollowedWrite,
  isSettled,
  type LedgerWriteStatus as Status,
} from "@/lib/ledger-writes/write-status";
import { fetchLedgerWrite, useWhileVisible } from "./poll-ledger-writes";

/** After this long still waiting, the notice says the ledger is slow or unreachable. */
const SLOW_AFTER_MS = 10_000;

/**
 * Where the writes a person just asked for stand: "Saved · waiting for the ledger" until the
 * indexer has them, then "On the ledger ✓" and the page re-reads its data (custody, trail); a write
 * the ledger refused says so, with its reason. Without JavaScript it is rendered once, with a link
 * that asks again.
 */
export function LedgerWriteStatus({ writes }: { writes: FollowedWrite[] }) {
  const router = useRouter();
  // Without JavaScript, "Refresh" asks for this same page again.
  const here = `${usePathname()}?${useSearchParams()}`;
  const [polled, setPolled] = useState<Record<string, Status>>({});
  const [isLive, setIsLive] = useState(false);
  const [isSlow, setIsSlow] = useState(false);
  const shown = writes.map((write) =>
    isSettled(write) ? write : { ...write, ...polled[write.id] },
  );
  const waiting = shown.filter((write) => !isSettled(write));
  const refused = shown.filter((write) => write.status === "FAILED");
  const waitingIds = waiting.map((write) => write.id).join(",");

  useEffect(() => setIsLive(true), []);
  useEffect(() => {
    if (!waitingIds) return;
    const timer = setTimeout(() => setIsSlow(true), SLOW_AFTER_MS);
    return () => clearTimeout(timer);
  }, [waitingIds]);
  // Each answer that settles a write re-renders the page's data; the rest are asked again.
  useWhileVisible(waitingIds, async () => {
    const answers = await Promise.all(waitingIds.split(",").map(fetchLedgerWrite));
    const settled = answers.filter((answer): answer is Status => !!answer && isSettled(answer));
    if (settled.length === 0) return false;
    setPolled((before) => ({ ...before, ...Object.fromEntries(settled.map((s) => [s.id, s])) }));
    router.refresh();
    return true;
  });

  const isSeveral = shown.length > 1;
  return (
    <div className="flex flex-col gap-2">
      {refused.map((write) => (
        <div
          key={write.id}
          role="alert"
          data-testid="ledger-refusal"
          className="rounded-xl border-2 border-red-700 bg-red-50 p-4 text-red-900"
        >
          <p className="font-semibold">{describeWrite(write)} is not recorded.</p>
          <p>{write.error}</p>
        </div>
      ))}
      {refused.length < shown.length ? (
        <div
          role="status"
          className={`rounded-xl border-2 px-4 py-3 ${waiting.length > 0 ? "border-amber-400 bg-amber-50 text-stone-900" : "border-ledger-700 bg-ledger-50 text-ledger-900"}`}
        >
          <p
            className="flex items-center gap-2 text-base font-semibold"
            data-testid="ledger-write-status"
          >
            {waiting.length > 0 ? (
              <>
                <span
                  aria-hidden="true"
                  className="inline-block size-4 shrink-0 animate-spin rounded-full border-2 border-amber-200 border-t-amber-700 [animation-duration:1.6s] motion-reduce:animate-none"
                />
                Saved · waiting for the ledger
              </>
            ) : (
              "On the ledger ✓"
            )}
          </p>
          {isSeveral ? (
            <ul className="mt-1 text-sm">
              {shown
                .filter((write) => write.status !== "FAILED")
                .map((write) => (
                  <li key={write.id}>
                    {describeWrite(write)}: {write.isOnLedger ? "on the ledger ✓" : "waiting"}
                  </li>
                ))}
            </ul>
          ) : (
            <p className="mt-1 text-sm">
              {describeWrite(shown[0] as FollowedWrite)}{" "}
              {waiting.length > 0 ? "is saved." : "is recorded."}
            </p>
          )}
          {waiting.length > 0 ? (
            <p className="mt-1 text-sm">
              {isSlow
                ? "The ledger is slow to answer or unreachable: it goes on the ledger as soon as the ledger answers. Nothing needs to be entered again."
                : isLive
                  ? "It goes on the ledger in a moment, and this page updates by itself; nothing needs to be entered again."
                  : "It goes on the ledger in a moment; nothing needs to be entered again."}{" "}
              {isLive ? null : (
                <a href={here} className="font-semibold underline">
                  Refresh
                </a>
              )}
            </p>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
