"use client";

import { LOT_SEARCH_FORM } from "./lot-picker";

/**
 * The lot picker's search: a GET form outside the event form (forms do not nest) that reopens the
 * page with the search. `keep` carries what the page needs back (the lot it was opened on, the
 * new-lot rows, the lots already chosen); with JavaScript, everything typed so far rides along too.
 */
export function LotSearchForm({ path, keep }: { path: string; keep: [string, string][] }) {
  return (
    <form
      id={LOT_SEARCH_FORM}
      action={path}
      method="get"
      hidden
      onSubmit={(event) => {
        const form = event.currentTarget;
        const search = form.elements.namedItem("lotSearch");
        const eventForm = search instanceof HTMLElement ? search.closest("form") : null;
        for (const carried of form.querySelectorAll("[data-carried]")) carried.remove();
        for (const [name, value] of eventForm ? new FormData(eventForm) : []) {
          if (typeof value !== "string" || value === "" || name.startsWith("$")) continue;
          const input = document.createElement("input");
          Object.assign(input, { type: "hidden", name, value });
          input.dataset.carried = "";
          form.append(input);
        }
      }}
    >
      {keep.map(([name, value]) => (
        <input key={`${name}=${value}`} type="hidden" name={name} value={value} />
      ))}
    </form>
  );
}
