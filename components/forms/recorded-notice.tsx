/**
 * "Recorded ✓ …" (or "Saved ✓") after an action went through, in a status region that is read out
 * without taking the focus. In a form after its action, and on the page an action leads to. The
 * region is always there, empty until then, so screen readers notice what is put in it.
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
