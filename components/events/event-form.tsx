"use client";

import type { EventFormSpec, FieldSpec, ProductOption } from "@/lib/events/forms/field-spec";
import { Form } from "../forms/form";
import { useField } from "../forms/form-context";
import type { FormState } from "../forms/form-state";
import { SelectField } from "../forms/select-field";
import { SubmitButton } from "../forms/submit-button";
import { TextField } from "../forms/text-field";
import { LotPicker } from "../lots/lot-picker";
import { AddOutputButton } from "./add-output-button";
import { ProductPicker } from "./product-picker";

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
  return (
    <Form action={action} aria-label={spec.title} className="flex flex-col gap-5">
      {spec.fields.map((field, index) => (
        <Field
          key={"name" in field ? field.name : `heading-${index}`}
          field={field}
          initialValues={initialValues}
          products={products}
        />
      ))}
      {addOutput ? <AddOutputButton {...addOutput} /> : null}
      <SubmitButton pendingLabel="Recording on the ledger…">{spec.submitLabel}</SubmitButton>
    </Form>
  );
}

function Field({
  field,
  initialValues,
  products,
}: {
  field: FieldSpec;
  initialValues: Record<string, string> | undefined;
  products: ProductOption[];
}) {
  if (field.kind === "heading") return <h2 className="pt-2 text-lg font-bold">{field.label}</h2>;
  const defaultValue =
    initialValues?.[field.name] ?? (field.kind === "lots" ? undefined : field.defaultValue);
  switch (field.kind) {
    case "hidden":
      return <HiddenField name={field.name} defaultValue={defaultValue} />;
    case "product":
      return <ProductPicker {...field} defaultValue={defaultValue} products={products} />;
    case "select":
      return <SelectField {...field} defaultValue={defaultValue} />;
    case "lots":
      return <LotPicker {...field} />;
    default: {
      const { kind, patternHint, ...text } = field;
      return (
        <TextField
          {...text}
          type={kind}
          title={patternHint}
          autoComplete="off"
          autoCorrect={field.autoCapitalize === "off" ? "off" : undefined}
          spellCheck={field.autoCapitalize === "off" ? false : undefined}
          defaultValue={defaultValue}
        />
      );
    }
  }
}

function HiddenField({ name, defaultValue }: { name: string; defaultValue?: string }) {
  const { value } = useField(name, defaultValue);
  return <input type="hidden" name={name} value={value ?? ""} />;
}
