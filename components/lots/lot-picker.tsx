"use client";

import { useContext } from "react";
import type { LotChoice, LotChoices } from "@/lib/events/forms/field-spec";

import { FieldMessage } from "../forms/field-message";
import { FormFieldsContext, useField } from "../forms/form-context";
import { errorAt, fieldId } from "../forms/form-state";

/** The id of the small GET form (LotSearchForm) the picker's search box and button belong to. */
export const LOT_SEARCH_FORM = "lot-search";

const control =
  "min-h-12 w-full rounded-xl border-2 border-stone-300 bg-white px-3 text-lg aria-invalid:border-red-700";

/**
 * Held lots to use as inputs, found by searching rather than listed in full: the lots chosen so far,
 * then a few that match (the server searches lot code, GTIN and product name). The search box and
 * its button belong to a separate GET form (`form=`), so Enter in the search box searches and Enter
 * anywhere else still records; without JavaScript it is a plain form round trip.
 */
export function LotPicker({
  name,
  label,
  choices,
  withUsed = false,
}: {
  name: string;
  label: string;
  choices: LotChoices;
  /** A field for the quantity used of each lot (`used.<lotId>`). */
  withUsed?: boolean;
}) {
  const field = useField(name);
  const { errors, values } = useContext(FormFieldsContext);
  const ticked = field.value?.split(",");
  const isTicked = (lot: LotChoice, byDefault: boolean) => ticked?.includes(lot.value) ?? byDefault;
  const { search, chosen, found, hasMore } = choices;
  return (
    <fieldset
      id={field.id}
      aria-invalid={field.error ? true : undefined}
      aria-describedby={field.describedBy}
      className="flex flex-col gap-2 rounded-xl border-2 border-stone-300 p-3 aria-invalid:border-red-700"
      data-testid="lot-picker"
    >
      <legend className="px-1 text-base font-semibold">{label}</legend>
      <FieldMessage id={field.id} error={field.error} />
      <div className="flex gap-2">
        <label className="flex min-w-0 flex-1 flex-col">
          <span className="sr-only">Find a lot you hold</span>
          <input
            type="search"
            name="lotSearch"
            form={LOT_SEARCH_FORM}
            defaultValue={search}
            placeholder="Lot code, GTIN or product"
            autoCapitalize="off"
            spellCheck={false}
            className={control}
          />
        </label>
        <button
          type="submit"
          form={LOT_SEARCH_FORM}
          className="min-h-12 rounded-xl border-2 border-ledger-700 px-4 font-semibold text-ledger-900"
        >
          Find
        </button>
      </div>
      {[
        ...chosen.map((lot) => [lot, true] as const),
        ...found.map((lot) => [lot, false] as const),
      ].map(([lot, isChosen]) => {
        const usedName = `used.${lot.value}`;
        const usedError = errorAt(errors, usedName);
        return (
          <div key={lot.value} className="flex flex-wrap items-center gap-x-3">
            <label className="flex min-h-12 min-w-0 flex-1 items-center gap-3 text-base">
              <input
                type="checkbox"
                name={name}
                value={lot.value}
                defaultChecked={isTicked(lot, isChosen)}
                className="size-6 shrink-0"
              />
              <span className="min-w-0">{lot.label}</span>
            </label>
            {withUsed ? (
              <label className="flex items-center gap-2 text-sm">
                Used ({lot.unit ?? "kg"})
                <input
                  id={fieldId(usedName)}
                  name={usedName}
                  inputMode="decimal"
                  aria-invalid={usedError ? true : undefined}
                  aria-describedby={usedError ? `${fieldId(usedName)}-error` : undefined}
                  defaultValue={values?.[usedName] ?? lot.quantity ?? ""}
                  className="min-h-11 w-24 rounded-xl border-2 border-stone-300 px-2 aria-invalid:border-red-700"
                />
              </label>
            ) : null}
            <FieldMessage id={fieldId(usedName)} error={usedError} />
          </div>
        );
      })}
      <p className="text-sm text-stone-600" aria-live="polite">
        {found.length === 0 && chosen.length === 0
          ? search
            ? `No active lot you hold matches “${search}”.`
            : "Your organisation holds no active lots."
          : hasMore
            ? "More lots match: type more of the lot code, GTIN or product to narrow the list."
            : null}
      </p>
    </fieldset>
  );
}
