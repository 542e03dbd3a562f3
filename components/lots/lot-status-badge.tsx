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

/**
 * `isOnHold`: the storage rule holds the lot; it reads "on hold" instead of active or in transit
 * (a recall or a use-up still says so: those outrank a hold).
 */
export function LotStatusBadge({
  status,
  isOnHold = false,
}: {
  status: string;
  isOnHold?: boolean;
}) {
  const shown = isOnHold && (status === "ACTIVE" || status === "IN_TRANSIT") ? "ON_HOLD" : status;
  const badge = BADGES[shown] ?? {
    sign: "",
    label: status.toLowerCase().replace("_", " "),
    style: "bg-stone-100 text-stone-700 ring-stone-400",
  };
  return (
    <span
      data-status={shown}
      className={`inline-flex shrink-0 items-center gap-1 whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-semibold ring-1 ${badge.style}`}
    >
      {badge.sign ? <span aria-hidden="true">{badge.sign}</span> : null}
      {badge.label}
    </span>
  );
}
