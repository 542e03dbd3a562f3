import Link from "next/link";
import type { ScanResolution } from "@/lib/scan/resolve-scan";

type Held = Extract<ScanResolution, { kind: "held" }>;

/**
 * A held lot takes the whole screen in amber, in a few big words, and offers no ship or accept: the
 * ledger refuses both until the custodian's quality manager releases the lot, so the one job now is
 * to leave it where it is and tell them.
 */
export function ScanHoldAlert({ held, onDismiss }: { held: Held; onDismiss: () => void }) {
  return (
    <div
      role="alertdialog"
      aria-modal="true"
      aria-labelledby="hold-title"
      aria-describedby="hold-why"
      className="fixed inset-0 z-50 flex flex-col items-center justify-center gap-5 overflow-y-auto bg-amber-400 p-6 text-center text-stone-950"
    >
      <h2 id="hold-title" className="text-4xl leading-tight font-black uppercase">
        ON HOLD — do not ship
      </h2>
      <div className="flex flex-col gap-1">
        {held.product ? (
          <p className="text-2xl font-bold" data-testid="product">
            {held.product}
          </p>
        ) : null}
        <p className="text-xl font-semibold">Lot</p>
        {/* Monospaced and unbroken: the code is compared character by character with the label. */}
        <p className="font-mono text-2xl font-bold break-all">{held.lotCode}</p>
        <p className="font-mono text-lg">GTIN {held.gtin}</p>
      </div>
      <p id="hold-why" className="max-w-md text-xl font-semibold" data-testid="hold-why">
        {held.why}
      </p>
      <p className="max-w-md text-lg" data-testid="hold-release">
        {held.releasedBy}
      </p>
      <div className="flex w-full max-w-sm flex-col gap-3">
        <button
          type="button"
          onClick={onDismiss}
          className="min-h-14 rounded-xl bg-stone-950 px-6 text-lg font-bold text-white"
        >
          Scan next
        </button>
        <Link
          href={held.href}
          className="flex min-h-14 items-center justify-center rounded-xl border-2 border-stone-950 px-6 text-lg font-semibold"
        >
          {held.canRelease ? "Open the lot to release it" : "Open the lot"}
        </Link>
      </div>
    </div>
  );
}
