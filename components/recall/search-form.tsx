/** One search box for any lot: GTIN, lot code, package serial, or a barcode scanned into it. */
export function RecallSearchForm({ query }: { query: string }) {
  return (
    <search>
      <form action="/recalls" method="get" className="flex flex-col gap-2 sm:flex-row sm:items-end">
        <label className="flex flex-1 flex-col gap-1.5">
          <span className="text-base font-semibold">Find a lot</span>
          <input
            name="q"
            type="search"
            defaultValue={query}
            autoComplete="off"
            spellCheck={false}
            placeholder="GTIN, lot code, serial, or scan a label"
            className="min-h-12 w-full min-w-0 rounded-xl border-2 border-stone-300 bg-white px-4 text-lg focus:border-ledger-600 focus:outline-none"
          />
          <span className="text-sm text-stone-600">
            A handheld scanner types into this box; a Digital Link or (01)…(10)… works too.
          </span>
        </label>
        <button
          type="submit"
          className="min-h-12 rounded-xl bg-ledger-700 px-6 text-lg font-semibold text-white hover:bg-ledger-900 sm:mb-7"
        >
          Search
        </button>
      </form>
    </search>
  );
}
