import Link from "next/link";
import type { ScanResolution } from "@/lib/scan/resolve-scan";
import { RecallPackageRemoval, type RemovePackage } from "../recall/package-removal";
import { PalletToPull } from "./pallet-to-pull";

type Recall = Extract<ScanResolution, { kind: "recalled" }>;

/**
 * A recalled lot takes the whole screen, red, in a few big words: in a cold room with gloves on
 * nobody reads a banner, and the one job now is to get the package off the shelf.
 */
export function ScanRecallAlert({
  recall,
  removePackage,
  onDismiss,
}: {
  recall: Recall;
  removePackage: RemovePackage;
  onDismiss: () => void;
}) {
  return (
    <div
      role="alertdialog"
      aria-modal="true"
      aria-labelledby="recall-title"
      aria-describedby="recall-lot"
      className="fixed inset-0 z-50 flex flex-col items-center justify-center gap-6 overflow-y-auto bg-red-700 p-6 text-center text-white"
    >
      {recall.pallet ? (
        <PalletToPull pallet={recall.pallet} />
      ) : (
        <>
          <h2 id="recall-title" className="text-4xl leading-tight font-black uppercase">
            RECALLED — remove from shelf
          </h2>
          <div id="recall-lot" className="flex flex-col gap-1">
            {recall.product ? (
              <p className="text-2xl font-bold" data-testid="product">
                {recall.product}
              </p>
            ) : null}
            <p className="text-xl font-semibold">Lot</p>
            {/* Monospaced and unbroken: the code is compared character by character with the label. */}
            <p className="font-mono text-2xl font-bold break-all">{recall.lotCode}</p>
            <p className="font-mono text-lg">GTIN {recall.gtin}</p>
            {recall.recalledLotCode !== recall.lotCode ? (
              <p className="text-lg font-semibold">
                Made from recalled lot {recall.recalledLotCode}
              </p>
            ) : null}
          </div>
        </>
      )}
      <div className="flex w-full max-w-sm flex-col gap-3">
        {recall.package ? (
          <RecallPackageRemoval
            lotId={recall.lotId}
            item={recall.package}
            removePackage={removePackage}
          />
        ) : null}
        <button
          type="button"
          onClick={onDismiss}
          className="min-h-14 rounded-xl bg-white px-6 text-lg font-bold text-red-800"
        >
          Scan next
        </button>
        <Link
          href={recall.href}
          className="flex min-h-14 items-center justify-center rounded-xl border-2 border-white px-6 text-lg font-semibold"
        >
          {recall.pallet ? "Open the pallet" : "Open the lot"}
        </Link>
      </div>
    </div>
  );
}
