"use client";

import { useEffect, useState } from "react";
import { FieldMessage } from "@/components/forms/field-message";
import { Form } from "@/components/forms/form";
import { useField } from "@/components/forms/form-context";
import type { FormState } from "@/components/forms/form-state";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { countWords } from "@/lib/logistic-units/count-words";

export type BuilderLot = {
  id: string;
  lotCode: string;
  product: string;
  quantity: string | null;
  unit: string | null;
  packageCount: number;
};

/**
 * The pallet builder: one big tile per lot (gloved thumbs), an optional extension digit, and one
 * button that says what will be packed — "Build pallet (3 lots, 48 cases)".
 */
export function PalletBuilder({
  action,
  lots,
}: {
  action: (state: FormState, data: FormData) => Promise<FormState>;
  lots: BuilderLot[];
}) {
  return (
    <Form action={action} className="flex flex-col gap-4">
      <LotTiles lots={lots} />
      <div className="max-w-sm">
        <TextField
          label="Extension digit (optional)"
          name="extensionDigit"
          hint="0–9, the first digit of the SSCC, e.g. one per packing line. Empty means 0."
          inputMode="numeric"
          pattern="[0-9]"
          maxLength={1}
          invalidMessage="The extension digit is one digit from 0 to 9, or empty for 0."
          autoComplete="off"
        />
      </div>
    </Form>
  );
}

function LotTiles({ lots }: { lots: BuilderLot[] }) {
  const field = useField("lotIds");
  const [chosen, setChosen] = useState<string[]>(field.value ? field.value.split(",") : []);
  const picked = lots.filter((lot) => chosen.includes(lot.id));
  // Once live, the lots are sent in the order ticked (the order they go on the pallet and its
  // label); without JavaScript the checkboxes themselves send them, in the list's order.
  const [isLive, setIsLive] = useState(false);
  useEffect(() => setIsLive(true), []);
  const toggle = (id: string, isOn: boolean) =>
    setChosen((before) => (isOn ? [...before, id] : before.filter((other) => other !== id)));
  return (
    <>
      <fieldset
        id={field.id}
        aria-invalid={field.error ? true : undefined}
        aria-describedby={field.describedBy}
        className="flex flex-col gap-2"
      >
        <legend className="mb-2 text-lg font-semibold">Lots to put on the pallet</legend>
        <FieldMessage id={field.id} error={field.error} />
        {lots.length === 0 ? (
          <p className="text-stone-600">
            No lot can go on a pallet now: your organisation holds no active lot that is not already
            on one or waiting for the ledger.
          </p>
        ) : null}
        {isLive
          ? chosen.map((id) => <input key={id} type="hidden" name="lotIds" value={id} />)
          : null}
        <div className="grid gap-2 md:grid-cols-2 xl:grid-cols-3">
          {lots.map((lot) => (
            <label
              key={lot.id}
              className="flex min-h-16 cursor-pointer items-center gap-4 rounded-xl border-2 border-stone-300 bg-white p-3 has-checked:border-ledger-700 has-checked:bg-ledger-50"
            >
              <input
                type="checkbox"
                name={isLive ? undefined : "lotIds"}
                value={lot.id}
                checked={chosen.includes(lot.id)}
                onChange={(event) => toggle(lot.id, event.target.checked)}
                className="size-8 shrink-0 accent-ledger-700"
              />
              <span className="flex flex-col">
                <span className="text-lg font-semibold">Lot {lot.lotCode}</span>
                <span className="text-stone-700">{lot.product}</span>
                <span className="text-sm text-stone-600">
                  {lot.quantity ? `${lot.quantity} ${lot.unit ?? ""}` : "quantity not recorded"}
                  {lot.packageCount > 0
                    ? ` · ${lot.packageCount} ${lot.packageCount === 1 ? "case" : "cases"}`
                    : ""}
                </span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <div className="sticky bottom-0 -mx-4 order-last border-t border-stone-200 bg-stone-50 px-4 py-3">
        <SubmitButton pendingLabel="Building the pallet…">
          {picked.length === 0 ? "Build pallet" : `Build pallet (${countWords(picked)})`}
        </SubmitButton>
      </div>
    </>
  );
}
