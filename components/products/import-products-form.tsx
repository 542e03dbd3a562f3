"use client";

import { Form } from "../forms/form";
import type { FormState } from "../forms/form-state";
import { SubmitButton } from "../forms/submit-button";
import { TextField } from "../forms/text-field";

/**
 * What an import hands back: how many products it saved (`recorded`), or every refused line, each
 * an error of the file field (`file`, `file.2`, …) so the summary lists them all.
 */
export type ImportState = FormState;

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
  return (
    <Form action={action} className="flex flex-col gap-4">
      <TextField
        label="CSV file"
        name="file"
        type="file"
        accept=".csv,text/csv"
        required
        missingMessage="Choose the CSV file of your products first."
        hint={`A header line, then one product a line. Columns: ${columns}. A GTIN you described already is updated.`}
      />
      <SubmitButton pendingLabel="Importing…">Import products</SubmitButton>
    </Form>
  );
}
