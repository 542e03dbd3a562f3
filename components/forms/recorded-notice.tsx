/**
 * "Recorded ✓ …" (or "Saved ✓") in a form after an action that writes nothing to the ledger went
 * through (an acknowledgement, a report), in a status region that is read out without taking the
 * focus; a ledger write is followed by components/ledger/ledger-write-status.tsx instead. The region
 * is always there, empty until then, so screen readers notice what is put in it.
 */
export function RecordedNotice({ text }: { text?: string }) {
  return (
    <p
      role="status"
      data-testid="recorded"
      className="empty:hidden rounded-xl border-2 border-ledger-700 bg-ledger-50 px-4 py-3 text-base font-semibold text-ledger-900"
    >
      {text}
    </p>
  );
}
