import type { PendingLotWrite } from "@/lib/lots/get-pending-writes";

/** Writes the ledger has not recorded yet: said plainly, so nobody enters them twice. */
export function PendingWrites({ writes }: { writes: PendingLotWrite[] }) {
  if (writes.length === 0) return null;
  return (
    <section aria-labelledby="pending-heading" className="flex flex-col gap-2">
      <h2 id="pending-heading" className="text-lg font-semibold">
        Waiting for the ledger
      </h2>
      <ul className="flex flex-col gap-2" aria-label="Waiting for the ledger">
        {writes.map((write) => (
          <li
            key={write.id}
            className={`rounded-xl border-2 p-3 ${write.status === "FAILED" ? "border-red-700 bg-red-50" : "border-amber-400 bg-amber-50"}`}
          >
            <p className="font-semibold">Lot {write.lotCode ?? "—"}</p>
            <p className="text-sm" data-testid="write-status">
              {write.status === "FAILED"
                ? `Not recorded: ${write.error}`
                : write.status === "SIGNED"
                  ? "Sent to the ledger, waiting to be mined."
                  : "Saved, waiting for the ledger. It will be recorded as soon as the ledger answers."}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
