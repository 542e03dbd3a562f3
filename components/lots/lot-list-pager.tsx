import Link from "next/link";
import { type LotListQuery, lotListHref } from "@/lib/lots/lot-list-query";

const link =
  "flex min-h-11 items-center rounded-xl border-2 border-ledger-700 px-4 font-semibold text-ledger-900";

/**
 * The next page of a lots list under the same search (a cursor, so a lot recorded meanwhile neither
 * repeats nor hides one), and the way back to the first page.
 */
export function LotListPager({
  path,
  query,
  nextCursor,
}: {
  path: string;
  query: LotListQuery & { view?: string };
  nextCursor: string | null;
}) {
  if (!nextCursor && !query.after) return null;
  return (
    <nav aria-label="Pages" className="flex flex-wrap justify-between gap-2">
      {query.after ? (
        <Link href={lotListHref(path, { ...query, after: undefined })} className={link}>
          First page
        </Link>
      ) : (
        <span />
      )}
      {nextCursor ? (
        <Link href={lotListHref(path, query, nextCursor)} className={link} rel="next">
          Next 20 lots
        </Link>
      ) : null}
    </nav>
  );
}
