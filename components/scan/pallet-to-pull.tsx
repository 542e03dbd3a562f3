import { SsccText } from "@/components/units/sscc-text";
import type { LotToPull } from "@/lib/logistic-units/find-pallet-recall";

/**
 * The recall alert's words for a scanned pallet: pull the whole pallet, and the recalled lots on it,
 * each code unbroken so it can be compared with the cases' labels.
 */
export function PalletToPull({ pallet }: { pallet: { sscc: string; lots: LotToPull[] } }) {
  return (
    <>
      <h2 id="recall-title" className="text-4xl leading-tight font-black uppercase">
        RECALLED — pull this pallet
      </h2>
      <div id="recall-lot" className="flex flex-col gap-2">
        <p className="text-xl font-semibold">
          Pallet <SsccText sscc={pallet.sscc} className="block whitespace-nowrap text-lg" />
        </p>
        <p className="text-xl font-semibold">
          {pallet.lots.length === 1 ? "Recalled lot on it" : "Recalled lots on it"}
        </p>
        <ul className="flex flex-col gap-2" aria-label="Lots to pull">
          {pallet.lots.map((lot) => (
            <li key={lot.lotId} className="rounded-xl bg-red-800 px-4 py-2">
              {lot.product ? <span className="block text-lg font-bold">{lot.product}</span> : null}
              <span className="block font-mono text-2xl font-bold break-all">{lot.lotCode}</span>
              {lot.recalledLotCode !== lot.lotCode ? (
                <span className="block text-base">
                  Made from recalled lot {lot.recalledLotCode}
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      </div>
    </>
  );
}
