/**
 * An SSCC in GS1 human-readable form, as printed under the label's barcode: "(00) 0 0614141000000001 7"
 * — extension digit, company prefix and serial reference, check digit — so staff can compare it at a glance.
 */
export function SsccText({ sscc, className = "" }: { sscc: string; className?: string }) {
  return (
    <span className={`font-mono tabular-nums ${className}`} data-testid="sscc">
      (00) {sscc.slice(0, 1)} {sscc.slice(1, 17)} {sscc.slice(17)}
    </span>
  );
}
