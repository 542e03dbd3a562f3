/** LotLedger's mark (a leaf on the ledger's green), the same drawing as public/icon.svg. */
export function LotLedgerMark({ className }: { className?: string }) {
  return (
    <svg viewBox="0 0 64 64" className={className} aria-hidden="true" focusable="false">
      <rect width="64" height="64" rx="14" fill="#15803d" />
      <path d="M14 50C14 28 28 14 50 14C50 36 36 50 14 50Z" fill="#fff" />
      <path
        d="M18 46L42 22M27 37h9M33 31h6"
        stroke="#15803d"
        strokeWidth="3.5"
        strokeLinecap="round"
        fill="none"
      />
    </svg>
  );
}
