import Link from "next/link";
import { listHref } from "@/lib/paging/keyset";

const link =
  "flex min-h-11 items-center rounded-xl border-2 border-ledger-700 px-4 font-semibold text-ledger-900";

/**
 * The next page of a list under the same search (a cursor, so a row recorded meanwhile neither
 * repeats nor hides one), and the way back to the first page.
 */
export function ListPager({
  path,
  query,
  defaults,
  nextCursor,
  next,
}: {
  path: string;
  query: Record<string, string | undefined> & { after?: string };
  /** Values the address leaves out (the list's default sort, say). */
  defaults?: Record<string, string>;
  nextCursor: string | null;
  /** The next link's words: "Next 20 products". */
  next: string;
}) {
  if (!nextCursor && !query.after) return null;
  return (
    <nav aria-label="Pages" className="flex flex-wrap justify-between gap-2">
      {query.after ? (
        <Link
          href={listHref(path, { ...query, after: undefined }, null, defaults)}
          className={link}
        >
          First page
        </Link>
      ) : (
        <span />
      )}
      {nextCursor ? (
        <Link href={listHref(path, query, nextCursor, defaults)} className={link} rel="next">
          {next}
        </Link>
      ) : null}
    </nav>
  );
}
