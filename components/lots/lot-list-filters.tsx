import { ListChoice, ListFilters } from "@/components/lists/list-filters";
import { LOT_SORTS, LOT_STATUSES, type LotListQuery } from "@/lib/lots/lot-list-query";

/** Search, filters and sort of a lots list, in the form every list shares (components/lists). */
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
  const active =
    [query.status, query.product, query.place, query.usedUp].filter(Boolean).length +
    (query.sort === "newest" ? 0 : 1);
  return (
    <ListFilters
      path={path}
      label={{ region: "Find lots", box: "Search lots" }}
      search={{ name: "q", value: query.q }}
      placeholder="Lot code, GTIN or product"
      active={active}
      hidden={{ view }}
    >
      <ListChoice label="Status" name="status" value={query.status} any="Any status">
        {Object.entries(LOT_STATUSES).map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </ListChoice>
      <ListChoice label="Product" name="product" value={query.product} any="Any product">
        {products.map((p) => (
          <option key={p.gtin} value={p.gtin}>
            {p.label}
          </option>
        ))}
      </ListChoice>
      <ListChoice label="Place" name="place" value={query.place} any="Any place">
        {places.map((p) => (
          <option key={p.gln} value={p.gln}>
            {p.name}
          </option>
        ))}
      </ListChoice>
      <ListChoice label="Sort" name="sort" value={query.sort}>
        {Object.entries(LOT_SORTS).map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </ListChoice>
      <label className="col-span-2 flex min-h-11 items-center gap-2 sm:col-span-4">
        <input
          type="checkbox"
          name="usedUp"
          value="1"
          defaultChecked={!!query.usedUp}
          className="size-5"
        />
        Show used-up lots too
      </label>
    </ListFilters>
  );
}
