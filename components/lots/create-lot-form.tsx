"use client";

import { useActionState } from "react";
import { LOT_UNITS } from "@/lib/epcis/quantity";
import type { ProductOption } from "@/lib/events/forms/field-spec";
import { ProductPicker } from "../events/product-picker";
import { FormError } from "../forms/form-error";
import type { FormState } from "../forms/form-state";
import { SubmitButton } from "../forms/submit-button";
import { TextField } from "../forms/text-field";

export function CreateLotForm({
  action,
  products,
}: {
  action: (state: FormState, data: FormData) => Promise<FormState>;
  products: ProductOption[];
}) {
  const [state, formAction] = useActionState(action, undefined);
  const values = state?.values ?? {};
  return (
    // The key remounts the fields with the submitted values after a refusal, so nothing typed is lost.
    <form
      key={JSON.stringify(values)}
      action={formAction}
      className="flex flex-col gap-5"
      noValidate
    >
      <FormError state={state} />
      <ProductPicker
        label="Product (GTIN)"
        name="gtin"
        hint="Type part of its name and choose it, or type the GTIN after (01): 8, 12, 13 or 14 digits."
        defaultValue={values.gtin}
        isInvalid={state?.field === "gtin"}
        products={products}
        fills={{ unit: "unit" }}
      />
      <TextField
        label="Lot code"
        name="lotCode"
        autoComplete="off"
        autoCapitalize="characters"
        hint="The batch number after (10): up to 20 characters."
        defaultValue={values.lotCode}
        isInvalid={state?.field === "lotCode"}
      />
      <div className="grid grid-cols-[minmax(0,1fr)_auto] gap-3">
        <TextField
          label="Quantity"
          name="quantity"
          inputMode="decimal"
          autoComplete="off"
          defaultValue={values.quantity}
          isInvalid={state?.field === "quantity"}
        />
        <label className="flex flex-col gap-1.5">
          <span className="text-base font-semibold">Unit</span>
          <select
            name="unit"
            defaultValue={values.unit ?? "kg"}
            className="min-h-12 rounded-xl border-2 border-stone-300 bg-white px-3 text-lg"
          >
            {LOT_UNITS.map((unit) => (
              <option key={unit} value={unit}>
                {unit}
              </option>
            ))}
          </select>
        </label>
      </div>
      <SubmitButton pendingLabel="Recording on the ledger…">Record lot on the ledger</SubmitButton>
    </form>
  );
}
