"use client";

import { LOT_UNITS, QUANTITY_MISSING } from "@/lib/epcis/quantity";
import type { ProductOption } from "@/lib/events/forms/field-spec";
import {
  LOT_CODE_INPUT_PATTERN,
  LOT_CODE_MISSING,
  LOT_CODE_PATTERN_HINT,
} from "@/lib/gs1/lot-code";
import { ProductPicker } from "../events/product-picker";
import { Form } from "../forms/form";
import type { FormState } from "../forms/form-state";
import { SelectField } from "../forms/select-field";
import { SubmitButton } from "../forms/submit-button";
import { TextField } from "../forms/text-field";

const unitOptions = LOT_UNITS.map((unit) => ({ value: unit, label: unit }));

export function CreateLotForm({
  action,
  products,
}: {
  action: (state: FormState, data: FormData) => Promise<FormState>;
  products: ProductOption[];
}) {
  return (
    <Form action={action} className="flex flex-col gap-5">
      <ProductPicker
        label="Product (GTIN)"
        name="gtin"
        hint="Type part of its name and choose it, or type the GTIN after (01): 8, 12, 13 or 14 digits."
        products={products}
        fills={{ unit: "unit" }}
      />
      <TextField
        label="Lot code"
        name="lotCode"
        autoComplete="off"
        // AI (10) is case-sensitive: typed exactly as printed, not "Abc" from a phone's capital.
        autoCapitalize="off"
        autoCorrect="off"
        spellCheck={false}
        required
        missingMessage={LOT_CODE_MISSING}
        pattern={LOT_CODE_INPUT_PATTERN}
        title={LOT_CODE_PATTERN_HINT}
        hint="The batch number after (10): up to 20 characters."
      />
      <div className="grid grid-cols-[minmax(0,1fr)_auto] gap-3">
        <TextField
          label="Quantity"
          name="quantity"
          inputMode="decimal"
          autoComplete="off"
          required
          missingMessage={QUANTITY_MISSING}
        />
        <SelectField label="Unit" name="unit" options={unitOptions} defaultValue="kg" />
      </div>
      <SubmitButton pendingLabel="Recording on the ledger…">Record lot on the ledger</SubmitButton>
    </Form>
  );
}
