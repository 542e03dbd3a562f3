"use client";

import { type KeyboardEvent, useRef, useState } from "react";
import type { ProductFills, ProductOption } from "@/lib/events/forms/field-spec";
import { FieldMessage, fieldControlClass } from "../forms/field-message";
import { useField } from "../forms/form-context";

const MAX_SHOWN = 8;

/** The typed text as a GTIN-14 when it is one (spaces and hyphens ignored), else null. */
function asGtin(text: string): string | null {
  const digits = text.replace(/[\s-]/g, "");
  return /^\d{8,14}$/.test(digits) ? digits.padStart(14, "0") : null;
}

/**
 * A GTIN field that offers the organisation's products as one types part of a name, brand or GTIN
 * (the ARIA combobox pattern: arrows, Enter, Escape, or a tap). Choosing one puts its GTIN in the
 * field and fills the form's related fields (`fills`) that are empty or were filled by an earlier
 * choice. Without JavaScript it is a plain text field: typing the GTIN works the same.
 */
export function ProductPicker({
  name,
  label,
  hint,
  defaultValue,
  products,
  fills,
}: {
  name: string;
  label: string;
  hint: string;
  defaultValue?: string;
  products: ProductOption[];
  fills: ProductFills;
}) {
  const field = useField(name, defaultValue, true);
  const id = field.id;
  const inputRef = useRef<HTMLInputElement>(null);
  /** What each filled field was given by the last choice, so a new choice may replace it. */
  const filled = useRef(new Map<string, string>());
  const [text, setText] = useState(field.value ?? "");
  const [isOpen, setOpen] = useState(false);
  const [active, setActive] = useState(0);

  const query = text.trim().toLowerCase();
  const matches = products
    .filter((p) => query === "" || `${p.label} ${p.gtin}`.toLowerCase().includes(query))
    .slice(0, MAX_SHOWN);
  const isShown = isOpen && matches.length > 0;
  const chosen = products.find((p) => p.gtin === asGtin(text));

  function choose(product: ProductOption) {
    setText(product.gtin);
    setOpen(false);
    const form = inputRef.current?.form;
    if (!form) return;
    for (const [field, key] of Object.entries(fills)) {
      const value = product[key];
      const element = form.elements.namedItem(field);
      if (!value || !(element instanceof HTMLInputElement || element instanceof HTMLSelectElement))
        continue;
      const isOurs = element.value === "" || filled.current.get(field) === element.value;
      if (element instanceof HTMLSelectElement || isOurs) {
        element.value = value;
        filled.current.set(field, value);
      }
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      setOpen(true);
      if (isShown) setActive((now) => (now + step + matches.length) % matches.length);
    } else if (event.key === "Enter" && isShown && matches[active]) {
      event.preventDefault(); // choosing, not submitting the form
      choose(matches[active]);
    } else if (event.key === "Escape") {
      setOpen(false);
    }
  }

  const optionId = (index: number) => `${id}-option-${index}`;
  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={id} className="text-base font-semibold">
        {label}
      </label>
      <div className="relative">
        <input
          ref={inputRef}
          id={id}
          name={name}
          value={text}
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={isShown}
          aria-controls={`${id}-list`}
          aria-activedescendant={isShown ? optionId(active) : undefined}
          aria-describedby={field.describedBy}
          aria-invalid={field.error ? true : undefined}
          autoComplete="off"
          required
          data-missing="Choose the product, or type its GTIN after (01)."
          onChange={(event) => {
            setText(event.target.value);
            setOpen(true);
            setActive(0);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => setOpen(false)}
          onKeyDown={onKeyDown}
          className={fieldControlClass}
        />
        <div
          id={`${id}-list`}
          role="listbox"
          aria-label="Your products"
          hidden={!isShown}
          className="absolute inset-x-0 top-full z-20 mt-1 max-h-80 overflow-y-auto rounded-xl border-2 border-stone-300 bg-white shadow-lg"
        >
          {matches.map((product, index) => (
            // biome-ignore lint/a11y/useKeyWithClickEvents: the keys go to the field (aria-activedescendant), as the combobox pattern has it
            <div
              key={product.gtin}
              tabIndex={-1}
              id={optionId(index)}
              role="option"
              aria-selected={index === active}
              // Keeps the focus in the field, so the tap chooses before the field's blur closes the list.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => choose(product)}
              className="flex min-h-12 cursor-pointer flex-col justify-center px-4 py-2 aria-selected:bg-ledger-50"
            >
              <span className="text-base font-medium">{product.label}</span>
              <span className="font-mono text-sm text-stone-600">{product.gtin}</span>
            </div>
          ))}
        </div>
      </div>
      <FieldMessage id={id} error={field.error} />
      <span id={`${id}-hint`} className="text-sm text-stone-600" data-testid="chosen-product">
        {chosen ? `${chosen.label} · GTIN ${chosen.gtin}` : hint}
      </span>
    </div>
  );
}
