import Link from "next/link";
import { Choice } from "@/components/labels/label-sheet-toolbar";
import { PrintButton } from "@/components/labels/print-button";
import type { LogisticLabelLayout } from "@/lib/barcode/logistic-label";

/** The label's size and Print button, and whether the ledger has the packing yet; not printed. */
export function LogisticLabelToolbar({
  sscc,
  layout,
  isOnLedger,
}: {
  sscc: string;
  layout: LogisticLabelLayout;
  isOnLedger: boolean;
}) {
  const href = (size: LogisticLabelLayout) => `/units/${sscc}/label?layout=${size}`;
  return (
    <div className="no-print mx-auto flex max-w-xl flex-col gap-3 p-4">
      <Link href={`/units/${sscc}`} className="underline">
        ← Pallet {sscc}
      </Link>
      <h1 className="text-2xl font-bold">Logistic label</h1>
      <p>
        {isOnLedger
          ? "The pallet's contents are on the ledger."
          : "The pallet's contents are still being recorded on the ledger; the label can be printed now."}{" "}
        Print at 100 % scale, without margins, headers or footers, and stick it on two sides.
      </p>
      <fieldset className="flex flex-wrap gap-2">
        <legend className="sr-only">Label size</legend>
        <Choice href={href("a6")} isCurrent={layout === "a6"}>
          A6 label
        </Choice>
        <Choice href={href("4x6")} isCurrent={layout === "4x6"}>
          4×6 in label
        </Choice>
      </fieldset>
      <div>
        <PrintButton />
      </div>
    </div>
  );
}
