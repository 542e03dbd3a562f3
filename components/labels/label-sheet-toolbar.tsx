import Link from "next/link";
import { PrintButton } from "@/components/labels/print-button";
import { type LabelSheetOptions, labelSheetHref } from "@/lib/barcode/label-layout";
import { LABELS_PER_SHEET, type LabelSheet } from "@/lib/packages/label-sheet";

export function Choice({
  href,
  isCurrent,
  children,
}: {
  href: string;
  isCurrent: boolean;
  children: string;
}) {
  return (
    <Link
      href={href}
      aria-current={isCurrent ? "page" : undefined}
      className={`flex min-h-11 items-center rounded-lg px-3 ${isCurrent ? "bg-ledger-700 text-white" : "border border-stone-300 bg-white"}`}
    >
      {children}
    </Link>
  );
}

/** What the sheet holds and how to print it; not printed itself. */
export function LabelSheetToolbar({
  sheet,
  options,
}: {
  sheet: LabelSheet;
  options: LabelSheetOptions;
}) {
  const href = (change: Partial<LabelSheetOptions>) =>
    labelSheetHref(sheet.lotId, { ...options, ...change });
  const { from, to, total } = sheet.range;
  return (
    <div className="no-print mx-auto mb-4 flex max-w-3xl flex-col gap-3 p-4">
      <Link href={`/lots/${sheet.lotId}`} className="underline">
        ← Lot {sheet.lotCode}
      </Link>
      <h1 className="text-2xl font-bold">Labels for lot {sheet.lotCode}</h1>
      <p data-testid="sheet-summary">
        {total === 0
          ? "This lot has no packages to label; the case label is below."
          : `Packages ${from + 1}–${to} of ${total}, and the case label (GS1-128).`}{" "}
        Print at 100 % scale, without margins, headers or footers.
      </p>
      <fieldset className="flex flex-wrap gap-2">
        <legend className="sr-only">Layout and code</legend>
        <Choice href={href({ layout: "a4" })} isCurrent={options.layout === "a4"}>
          A4 sheet
        </Choice>
        <Choice href={href({ layout: "4x6" })} isCurrent={options.layout === "4x6"}>
          4×6 in label
        </Choice>
        <Choice href={href({ code: "qr" })} isCurrent={options.code === "qr"}>
          QR code
        </Choice>
        <Choice href={href({ code: "datamatrix" })} isCurrent={options.code === "datamatrix"}>
          GS1 DataMatrix
        </Choice>
      </fieldset>
      <div className="flex flex-wrap items-center gap-3">
        <PrintButton />
        {from > 0 ? (
          <Link href={href({ from: Math.max(0, from - LABELS_PER_SHEET) })} className="underline">
            Previous {LABELS_PER_SHEET}
          </Link>
        ) : null}
        {to < total ? (
          <Link href={href({ from: to })} className="underline">
            Next {Math.min(LABELS_PER_SHEET, total - to)}
          </Link>
        ) : null}
      </div>
    </div>
  );
}
