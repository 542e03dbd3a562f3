import Link from "next/link";
import type { Member } from "@/lib/auth/session";
import { type CTE_KINDS, CTE_LABELS, canRecordCte } from "@/lib/events/cte-rules";

/** Events recorded on a lot the member holds. */
export const ON_A_HELD_LOT = [
  "cooling",
  "initial_packing",
  "split",
  "transformation",
  "merge",
] as const;
/** Events that start from the lots page: they create lots, or take several held lots. */
export const FROM_THE_LOTS_PAGE = [
  "harvesting",
  "initial_packing",
  "first_land_based_receiving",
  "transformation",
  "merge",
] as const;

/** Big links to the forms of the events this member may record (opened on `lotId` if given). */
export function LotEventLinks({
  member,
  ctes,
  lotId,
  label,
}: {
  member: Member;
  ctes: readonly (keyof typeof CTE_KINDS)[];
  lotId?: string;
  label: string;
}) {
  const allowed = ctes.filter((cte) => canRecordCte(member, cte));
  if (allowed.length === 0) return null;
  return (
    <nav aria-label={label} className="grid grid-cols-2 gap-2 sm:flex sm:flex-wrap">
      {allowed.map((cte) => (
        <Link
          key={cte}
          href={lotId ? `/events/${cte}?lot=${lotId}` : `/events/${cte}`}
          className="flex min-h-12 items-center justify-center rounded-xl border-2 border-ledger-700 px-4 text-center font-semibold text-ledger-900"
        >
          {CTE_LABELS[cte]}
        </Link>
      ))}
    </nav>
  );
}
