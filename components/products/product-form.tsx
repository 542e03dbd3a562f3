"use client";

import { LOT_UNITS } from "@/lib/epcis/quantity";
import { Form } from "../forms/form";
import type { FormState } from "../forms/form-state";
import { SelectField } from "../forms/select-field";
import { SubmitButton } from "../forms/submit-button";
import { TextArea } from "../forms/text-area";
import { TextField } from "../forms/text-field";

/**
 * A product's master data: GTIN (fixed once saved: it is the product's identity), its names, what
 * its lots are counted in, and the storage range its cold chain is judged against. Read-only members
 * see the same fields, disabled.
 */
export function ProductForm({
  action,
  product,
  isReadOnly = false,
}: {
  action: (state: FormState, data: FormData) => Promise<FormState>;
  /** The saved product as text, when editing one. */
  product?: Record<string, string>;
  isReadOnly?: boolean;
}) {
  const values = product ?? {};
  const field = (name: string) => ({ name, defaultValue: values[name] });
  return (
    <Form action={action} className="flex flex-col gap-5">
      <fieldset disabled={isReadOnly} className="flex min-w-0 flex-col gap-5">
        <TextField
          label="GTIN"
          inputMode="numeric"
          autoComplete="off"
          readOnly={product !== undefined}
          hint={
            product
              ? "The product's identity: a new GTIN is a new product."
              : "The number after (01): 8, 12, 13 or 14 digits, within your GS1 company prefixes."
          }
          {...field("gtin")}
        />
        <TextField
          label="Name"
          hint="As people know it, e.g. Romaine hearts, 3 pack"
          {...field("name")}
        />
        <TextField label="Brand (optional)" {...field("brand")} />
        <TextArea label="Description (optional)" rows={3} {...field("description")} />
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
          <TextField label="Commodity (optional)" hint="e.g. Lettuce" {...field("commodity")} />
          <TextField label="Variety (optional)" hint="e.g. Romaine" {...field("variety")} />
        </div>
        <div className="grid grid-cols-[auto_minmax(0,1fr)] gap-3">
          <SelectField
            label="Unit"
            options={[
              { value: "", label: "—" },
              ...LOT_UNITS.map((unit) => ({ value: unit, label: unit })),
            ]}
            {...field("unit")}
          />
          <TextField
            label="Net content (optional)"
            hint="e.g. 3 × 200 g"
            {...field("netContent")}
          />
        </div>
        <fieldset className="grid grid-cols-2 gap-3 rounded-xl border-2 border-stone-300 p-3">
          <legend className="px-1 text-base font-semibold">Storage temperature (°C)</legend>
          <TextField label="Lowest" inputMode="decimal" {...field("storageMinCelsius")} />
          <TextField label="Highest" inputMode="decimal" {...field("storageMaxCelsius")} />
        </fieldset>
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
          <TextField
            label="Allowed excursion (minutes)"
            inputMode="numeric"
            hint="How long outside the range is tolerated"
            {...field("allowedExcursionMinutes")}
          />
          <TextField label="Shelf life (days)" inputMode="numeric" {...field("shelfLifeDays")} />
        </div>
        <TextField
          label="Image URL (optional)"
          type="url"
          inputMode="url"
          hint="An https:// address of the product's picture"
          {...field("imageUrl")}
        />
      </fieldset>
      {isReadOnly ? null : (
        <SubmitButton pendingLabel="Saving…">
          {product ? "Save product" : "Add product"}
        </SubmitButton>
      )}
    </Form>
  );
}
