import Link from "next/link";
import type { UnitListItem } from "@/lib/logistic-units";
import { countWords } from "@/lib/logistic-units/count-words";
import { SsccText } from "./sscc-text";
import { UnitStatusBadge } from "./unit-status-badge";

/** The pallets an organisation built or holds: SSCC, contents and where each is, one card each. */
export function UnitList({ units }: { units: UnitListItem[] }) {
  if (units.length === 0) {
    return <p className="text-stone-600">No pallets yet: build one from lots you hold.</p>;
  }
  return (
    <ul className="grid gap-3 md:grid-cols-2" aria-label="Pallets">
      {units.map((unit) => (
        <li key={unit.sscc}>
          <Link
            href={`/units/${unit.sscc}`}
            className="flex flex-col gap-1 rounded-xl border-2 border-stone-200 bg-white p-3 hover:border-ledger-700"
          >
            <SsccText sscc={unit.sscc} className="font-semibold text-ledger-900" />
            <span className="flex flex-wrap items-center gap-2">
              <UnitStatusBadge status={unit.status} />
              <span>{countWords(unit.lines)}</span>
            </span>
            <span className="text-stone-700">
              {[...new Set(unit.lines.map((line) => line.product))].join(" · ")}
            </span>
            <span className="text-sm text-stone-600">
              {unit.lines.map((line) => `Lot ${line.lotCode}`).join(", ")}
            </span>
            {unit.whereNow ? <span className="text-sm">{unit.whereNow}</span> : null}
          </Link>
        </li>
      ))}
    </ul>
  );
}
