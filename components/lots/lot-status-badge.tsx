/**
 * A lot's status as a small label. Each status has its own colour, its own sign and its own word, so
 * "recalled" never reads like "active" — not in grey, nor to someone who cannot tell red from green:
 * recalled red, on hold amber, in transit blue, used up grey, active green.
 */
const BADGES: Record<string, { sign: string; label: string; style: string }> = {
  ACTIVE: { sign: "●", label: "active", style: "bg-ledger-50 text-ledger-900 ring-ledger-600" },
  IN_TRANSIT: { sign: "→", label: "in transit", style: "bg-sky-50 text-sky-900 ring-sky-600" },
  ON_HOLD: { sign: "❚❚", label: "on hold", style: "bg-amber-100 text-amber-950 ring-amber-600" },
  RECALLED: { sign: "⚠", label: "recalled", style: "bg-red-700 text-white ring-red-900" },
  CONSUMED: { sign: "○", label: "used up", style: "bg-stone-100 text-stone-700 ring-stone-400" },
};

export function LotStatusBadge({ status }: { status: string }) {
  const badge = BADGES[status] ?? {
    sign: "",
    label: status.toLowerCase().replace("_", " "),
    style: "bg-stone-100 text-stone-700 ring-stone-400",
  };
  return (
    <span
      data-status={status}
      className={`inline-flex shrink-0 items-center gap-1 whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-semibold ring-1 ${badge.style}`}
    >
      {badge.sign ? <span aria-hidden="true">{badge.sign}</span> : null}
      {badge.label}
    </span>
  );
}
