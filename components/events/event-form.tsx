"use client";

import { useActionState } from "react";
import type { EventFormSpec, FieldSpec, ProductOption } from "@/lib/events/forms/field-spec";
import { FormError } from "../forms/form-error";
import type { FormState } from "../forms/form-state";
import { SubmitButton } from "../forms/submit-button";
import { TextField } from "../forms/text-field";
import { LotPicker } from "../lots/lot-picker";
import { AddOutputButton } from "./add-output-button";
import { ProductPicker } from "./product-picker";

const controlClass =
  "min-h-12 w-full rounded-xl border-2 border-stone-300 bg-white px-3 text-lg aria-invalid:border-red-700";

/**
 * A critical tracking event's form, from its spec: big fields, known values filled in, one button.
 * `initialValues` override the spec's defaults (what was typed before adding a new-lot row);
 * `addOutput` offers one more new-lot row; `products` are what its GTIN fields offer.
 */
export function EventForm({
  spec,
  action,
  initialValues,
  addOutput,
  products = [],
}: {
  spec: EventFormSpec;
  products?: ProductOption[];
  action: (state: FormState, data: FormData) => Promise<FormState>;
  initialValues?: Record<string, string>;
  addOutput?: { path: string; outputs: number; lot?: string };
}) {
  const [state, formAction] = useActionState(action, undefined);
  const values = state?.values;
  return (
    // The key remounts the fields with the submitted values after a refusal, so nothing typed is lost.
    <form
      key={JSON.stringify(values ?? {})}
      action={formAction}
      className="flex flex-col gap-5"
      noValidate
    >
      <FormError state={state} />
      {spec.fields.map((field, index) => (
        <Field
          key={"name" in field ? field.name : `heading-${index}`}
          field={field}
          values={values}
          invalidField={state?.field}
          initialValues={initialValues}
          products={products}
        />
      ))}
      {addOutput ? <AddOutputButton {...addOutput} /> : null}
      <SubmitButton pendingLabel="Recording on the ledger…">{spec.submitLabel}</SubmitButton>
    </form>
  );
}

function Field({
  field,
  values,
  invalidField,
  initialValues,
  products,
}: {
  field: FieldSpec;
  values: Record<string, string> | undefined;
  invalidField: string | undefined;
  initialValues: Record<string, string> | undefined;
  products: ProductOption[];
}) {
  if (field.kind === "heading") return <h2 className="pt-2 text-lg font-bold">{field.label}</h2>;
  const value = values ? (values[field.name] ?? "") : initialValues?.[field.name];
  const isInvalid = invalidField === field.name;
  switch (field.kind) {
    case "hidden":
      return <input type="hidden" name={field.name} value={value ?? field.defaultValue} />;
    case "product":
      return (
        <ProductPicker
          name={field.name}
          label={field.label}
          hint={field.hint}
          defaultValue={value ?? field.defaultValue}
          isInvalid={isInvalid}
          products={products}
          fills={field.fills}
        />
      );
    case "select":
      return (
        <label className="flex flex-col gap-1.5">
          <span className="text-base font-semibold">{field.label}</span>
          <select
            name={field.name}
            defaultValue={value ?? field.defaultValue}
            aria-invalid={isInvalid || undefined}
            className={controlClass}
          >
            {field.options.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
          {field.hint ? <span className="text-sm text-stone-600">{field.hint}</span> : null}
        </label>
      );
    case "lots":
      return (
        <LotPicker
          name={field.name}
          label={field.label}
          choices={field.choices}
          withUsed={field.withUsed}
          isInvalid={isInvalid || (invalidField?.startsWith("used.") ?? false)}
          typed={(name) => (values ? values[name] : initialValues?.[name])}
        />
      );
    default:
      return (
        <TextField
          label={field.label}
          name={field.name}
          type={field.kind === "text" ? "text" : field.kind}
          inputMode={field.inputMode}
          autoComplete="off"
          hint={field.hint}
          defaultValue={value ?? field.defaultValue}
          isInvalid={isInvalid}
        />
      );
  }
}
