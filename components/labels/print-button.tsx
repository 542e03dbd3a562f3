"use client";

/** Opens the browser's print dialog; without JavaScript the toolbar says to press Ctrl+P instead. */
export function PrintButton() {
  return (
    <button
      type="button"
      onClick={() => window.print()}
      className="min-h-12 rounded-xl bg-ledger-700 px-5 text-lg font-semibold text-white"
    >
      Print
    </button>
  );
}
