// The search box and folded filters every list shares: a plain GET form, so it works without
// JavaScript and the address keeps what was asked (a link to it opens the same list). Applying starts
// at page one (the cursor is not carried).

export const listControl =
  "min-h-11 w-full min-w-0 rounded-xl border-2 border-stone-300 bg-white px-2 text-base focus:border-ledger-600 focus:outline-none";

export function ListFilters({
  path,
  label,
  search,
  placeholder,
  submit = "Search",
  active,
  hidden = {},
  children,
}: {
  path: string;
  /** The search landmark's name, and its box's ("Find products" / "Search products"). */
  label: { region: string; box: string };
  /** The search box's name and value in the address. */
  search: { name: string; value: string | undefined };
  placeholder: string;
  /** The search button's word: another than a search box's beside it on the same page. */
  submit?: string;
  /** How many filters differ from the plain list: the fold opens, and says so, when any do. */
  active: number;
  /** Other state of the page kept across a search. */
  hidden?: Record<string, string | undefined>;
  /** The filters (ListChoice and inputs), laid out in a grid. */
  children: React.ReactNode;
}) {
  return (
    <search aria-label={label.region}>
      <form action={path} method="get" className="flex flex-col gap-2">
        {Object.entries(hidden).map(([name, value]) =>
          value ? <input key={name} type="hidden" name={name} value={value} /> : null,
        )}
        <div className="flex gap-2">
          <label className="flex min-w-0 flex-1 flex-col">
            <span className="sr-only">{label.box}</span>
            <input
              type="search"
              name={search.name}
              defaultValue={search.value}
              placeholder={placeholder}
              spellCheck={false}
              autoCapitalize="off"
              className={listControl}
            />
          </label>
          <button
            type="submit"
            className="min-h-11 rounded-xl bg-ledger-700 px-4 font-semibold text-white hover:bg-ledger-900"
          >
            {submit}
          </button>
        </div>
        <details open={active > 0} className="text-sm">
          <summary className="min-h-11 cursor-pointer py-2.5 font-semibold text-ledger-800">
            Filter and sort{active > 0 ? ` (${active} on)` : ""}
          </summary>
          <div className="grid grid-cols-2 gap-2 pb-2 sm:grid-cols-4">{children}</div>
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

/** One select of a list's filters; `any` is the choice that filters nothing. */
export function ListChoice({
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
      <select name={name} defaultValue={value ?? ""} className={listControl}>
        {any ? <option value="">{any}</option> : null}
        {children}
      </select>
    </label>
  );
}
