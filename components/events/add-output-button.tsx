"use client";

import { useRouter } from "next/navigation";

/**
 * Opens the same event form with one more new-lot row, carrying what was typed so far in the
 * address (the page reads it back as the fields' values): nothing typed is lost.
 */
export function AddOutputButton({
  path,
  outputs,
  lot,
}: {
  path: string;
  outputs: number;
  /** The lot the form was opened on (`?lot=`), which the page reads its context from. */
  lot?: string;
}) {
  const router = useRouter();
  return (
    <button
      type="button"
      className="self-start py-3 text-lg font-semibold text-ledger-700 underline"
      onClick={(event) => {
        const form = event.currentTarget.form;
        const query = new URLSearchParams();
        for (const [name, value] of form ? new FormData(form) : []) {
          if (typeof value === "string" && value !== "" && !name.startsWith("$")) {
            query.append(name, value);
          }
        }
        if (lot) query.set("lot", lot);
        query.set("outputs", String(outputs));
        router.push(`${path}?${query}`);
      }}
    >
      Add another new lot
    </button>
  );
}
