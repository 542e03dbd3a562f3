import { ListChoice, ListFilters, listControl } from "@/components/lists/list-filters";
import { RECALL_STATES, type RecallListQuery } from "@/lib/recall";
import { RECALL_SEVERITIES, SEVERITY_LABELS } from "@/lib/recall/terms";

/** The recalls list's search (lot code or reason), state, class and the days it started on. */
export function RecallListFilters({
  query,
  lotSearch,
}: {
  query: RecallListQuery;
  /** The lot search above the list, kept while the list is filtered. */
  lotSearch?: string;
}) {
  const active = [query.state !== "all", query.severity, query.from, query.to].filter(
    Boolean,
  ).length;
  return (
    <ListFilters
      path="/recalls"
      label={{ region: "Find recalls", box: "Search recalls" }}
      search={{ name: "search", value: query.search }}
      placeholder="Lot code or reason"
      submit="Find"
      active={active}
      hidden={{ q: lotSearch }}
    >
      <ListChoice label="State" name="state" value={query.state}>
        {Object.entries(RECALL_STATES).map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </ListChoice>
      <ListChoice label="Class" name="severity" value={query.severity} any="Any class">
        {RECALL_SEVERITIES.map((severity) => (
          <option key={severity} value={severity}>
            {SEVERITY_LABELS[severity].name}
          </option>
        ))}
      </ListChoice>
      <Day label="Started from" name="from" value={query.from} />
      <Day label="Started until" name="to" value={query.to} />
    </ListFilters>
  );
}

function Day({ label, name, value }: { label: string; name: string; value?: string }) {
  return (
    <label className="flex min-w-0 flex-col gap-0.5">
      <span className="font-semibold">{label}</span>
      <input type="date" name={name} defaultValue={value} className={listControl} />
    </label>
  );
}
