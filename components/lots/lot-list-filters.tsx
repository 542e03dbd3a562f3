import { LOT_SORTS, LOT_STATUSES, type LotListQuery } from "@/lib/lots/lot-list-query";

const control =
  "min-h-11 w-full min-w-0 rounded-xl border-2 border-stone-300 bg-white px-2 text-base focus:border-ledger-600 focus:outline-none";

/**
 * Search, filters and sort of a lots list: a plain GET form, so it works without JavaScript and the
 * address keeps what was asked (a link to it opens the same list). Applying starts at page one.
 */
export function LotListFilters({
  path,
  query,
  products,
  places,
  view,
}: {
  path: string;
  query: LotListQuery;
  products: { gtin: string; label: string }[];
  places: { gln: string; name: string }[];
  /** Kept across a search: which list of the page this is (e.g. incoming). */
  view?: string;
}) {
  // Folded away on a phone until used, so the lots start near the top of the screen.
  const active =
    [query.status, query.product, query.place, query.usedUp].filter(Boolean).length +
    (query.sort === "newest" ? 0 : 1);
  return (
    <search aria-label="Find lots">
      <form action={path} method="get" className="flex flex-col gap-2">
        {view ? <input type="hidden" name="view" value={view} /> : null}
        <div className="flex gap-2">
          <label className="flex min-w-0 flex-1 flex-col">
            <span className="sr-only">Search lots</span>
            <input
              type="search"
              name="q"
              defaultValue={query.q}
              placeholder="Lot code, GTIN or product"
              spellCheck={false}
              autoCapitalize="off"
              className={control}
            />
          </label>
          <button
            type="submit"
            className="min-h-11 rounded-xl bg-ledger-700 px-4 font-semibold text-white hover:bg-ledger-900"
          >
            Search
          </button>
        </div>
        <details open={active > 0} className="text-sm">
          <summary className="min-h-11 cursor-pointer py-2.5 font-semibold text-ledger-800">
            Filter and sort{active > 0 ? ` (${active} on)` : ""}
          </summary>
          <div className="grid grid-cols-2 gap-2 sm:grid-cols-4">
            <Choice label="Status" name="status" value={query.status} any="Any status">
              {Object.entries(LOT_STATUSES).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </Choice>
            <Choice label="Product" name="product" value={query.product} any="Any product">
              {products.map((p) => (
                <option key={p.gtin} value={p.gtin}>
                  {p.label}
                </option>
              ))}
            </Choice>
            <Choice label="Place" name="place" value={query.place} any="Any place">
              {places.map((p) => (
                <option key={p.gln} value={p.gln}>
                  {p.name}
                </option>
              ))}
            </Choice>
            <Choice label="Sort" name="sort" value={query.sort}>
              {Object.entries(LOT_SORTS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </Choice>
          </div>
          <label className="flex min-h-11 items-center gap-2 text-sm">
            <input
              type="checkbox"
              name="usedUp"
              value="1"
              defaultChecked={!!query.usedUp}
              className="size-5"
            />
            Show used-up lots too
          </label>
          <button
            type="submit"
            className="min-h-11 rounded-xl border-2 border-ledger-700 px-4 font-semibold text-ledger-900"
          >
            Apply
          </button>
        </details>
      </form>
    </search>
  );
}

function Choice({
  label,
  name,
  value,
  any,
  children,
}: {
  label: string;
  name: string;
  value: string | undefined;
  any?: string;
  children: React.ReactNode;
}) {
  return (
    <label className="flex min-w-0 flex-col gap-0.5">
      <span className="font-semibold">{label}</span>
      <select name={name} defaultValue={value ?? ""} className={control}>
        {any ? <option value="">{any}</option> : null}
        {children}
      </select>
    </label>
  );
}
