import { type AuditQuery, auditQueryString } from "./audit-query";

const field =
  "min-h-12 w-full min-w-0 rounded-xl border-2 border-stone-300 bg-white px-3 text-base focus:border-ledger-600 focus:outline-none";

/** The filter (a plain GET form: it works without JavaScript) and the CSV download of what it keeps. */
export function AuditFilters({
  filter,
  actions,
}: {
  filter: AuditQuery;
  /** Each action's value and label, in the order to offer them. */
  actions: { value: string; label: string }[];
}) {
  return (
    <search className="flex flex-col gap-3">
      <form
        action="/audit-log"
        method="get"
        className="grid gap-3 sm:grid-cols-2 lg:grid-cols-[repeat(5,minmax(0,1fr))_auto] lg:items-end"
      >
        <label className="flex flex-col gap-1">
          <span className="font-semibold">Action</span>
          <select name="action" defaultValue={filter.action ?? ""} className={field}>
            <option value="">Any action</option>
            {actions.map((action) => (
              <option key={action.value} value={action.value}>
                {action.label}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1">
          <span className="font-semibold">Person</span>
          <input name="person" defaultValue={filter.person} placeholder="Name" className={field} />
        </label>
        <label className="flex flex-col gap-1">
          <span className="font-semibold">Lot</span>
          <input
            name="lot"
            defaultValue={filter.lot}
            placeholder="Lot code"
            spellCheck={false}
            className={field}
          />
        </label>
        <label className="flex flex-col gap-1">
          <span className="font-semibold">From (UTC)</span>
          <input name="from" type="date" defaultValue={filter.from} className={field} />
        </label>
        <label className="flex flex-col gap-1">
          <span className="font-semibold">To (UTC)</span>
          <input name="to" type="date" defaultValue={filter.to} className={field} />
        </label>
        <button
          type="submit"
          className="min-h-12 rounded-xl bg-ledger-700 px-6 text-lg font-semibold text-white hover:bg-ledger-900"
        >
          Filter
        </button>
      </form>
      <a
        href={`/api/audit-log.csv${auditQueryString(filter)}`}
        download
        className="flex min-h-11 items-center self-start rounded-xl border-2 border-ledger-700 px-4 font-semibold text-ledger-900"
      >
        Download these entries (CSV)
      </a>
    </search>
  );
}
