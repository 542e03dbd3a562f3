"use client";

import { useActionState } from "react";
import { SubmitButton } from "../forms/submit-button";

/** What an import hands back: how many products it saved, or every refused line. */
export type ImportState = { message?: string; lines?: string[]; imported?: string } | undefined;

/**
 * A CSV file of products: all or nothing, so each refused line is listed by its number and the
 * fixed file is simply imported again.
 */
export function ImportProductsForm({
  action,
  columns,
}: {
  action: (state: ImportState, data: FormData) => Promise<ImportState>;
  columns: string;
}) {
  const [state, formAction] = useActionState(action, undefined);
  const lines = state?.lines ?? (state?.message ? [state.message] : []);
  return (
    <form action={formAction} className="flex flex-col gap-4">
      {lines.length > 0 ? (
        <div
          role="alert"
          data-testid="form-error"
          className="rounded-xl border-2 border-red-700 bg-red-50 px-4 py-3 text-base text-red-900"
        >
          <p className="font-semibold">
            Nothing was imported: fix these lines and import the file again.
          </p>
          <ul className="mt-2 list-disc pl-5">
            {lines.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {state?.imported ? (
        <p role="status" className="rounded-xl bg-ledger-50 p-4 font-medium text-ledger-900">
          {state.imported}
        </p>
      ) : null}
      <label className="flex flex-col gap-1.5">
        <span className="text-base font-semibold">CSV file</span>
        <input
          type="file"
          name="file"
          accept=".csv,text/csv"
          className="min-h-12 w-full rounded-xl border-2 border-stone-300 bg-white p-2 text-base"
        />
        <span className="text-sm text-stone-600">
          A header line, then one product a line. Columns: {columns}. A GTIN you described already
          is updated.
        </span>
      </label>
      <SubmitButton pendingLabel="Importing…">Import products</SubmitButton>
    </form>
  );
}
