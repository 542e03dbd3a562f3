import Link from "next/link";
import { type AuditQuery, auditQueryString } from "./audit-query";

const link =
  "flex min-h-11 items-center rounded-xl border-2 border-ledger-700 px-4 font-semibold text-ledger-900";

/** "Entries 51–100 of 240", with the pages before and after under the same filter. */
export function AuditPager({
  filter,
  page,
  pageCount,
  pageSize,
  total,
}: {
  filter: AuditQuery;
  page: number;
  pageCount: number;
  pageSize: number;
  total: number;
}) {
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  return (
    <nav aria-label="Pages" className="flex flex-wrap items-center justify-between gap-3">
      <p className="text-stone-700">
        Entries {first}–{last} of {total}
      </p>
      <div className="flex gap-2">
        {page > 1 ? (
          <Link href={`/audit-log${auditQueryString(filter, page - 1)}`} className={link}>
            Newer
          </Link>
        ) : null}
        {page < pageCount ? (
          <Link href={`/audit-log${auditQueryString(filter, page + 1)}`} className={link}>
            Older
          </Link>
        ) : null}
      </div>
    </nav>
  );
}
