"use client";

import type { LotAccount } from "@/lib/recall";
import { DISPOSITION_KINDS, DISPOSITION_LABELS } from "@/lib/recall/terms";
import { Form } from "../forms/form";
import type { FormState } from "../forms/form-state";
import { SubmitButton } from "../forms/submit-button";
import { TextField } from "../forms/text-field";

/**
 * A holder's report on one lot of the recalled stock: how much of its quantity went which way. The
 * figures replace the organisation's earlier report on the lot; packages marked removed by scanning
 * already count as removed from sale.
 */
export function RecallDispositionForm({
  action,
  lot,
}: {
  action: (state: FormState, data: FormData) => Promise<FormState>;
  lot: LotAccount;
}) {
  const unit = lot.unit ?? "";
  return (
    <Form
      action={action}
      aria-label={`What became of lot ${lot.lotCode}`}
      className="flex flex-col gap-3 rounded-xl border border-stone-200 bg-white p-4"
    >
      <h3 className="font-semibold">
        Lot <span className="font-mono">{lot.lotCode}</span>
        {lot.quantity ? ` · ${lot.quantity} ${unit} in scope` : ""}
      </h3>
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        {DISPOSITION_KINDS.map((kind) => (
          <TextField
            key={kind}
            label={`${DISPOSITION_LABELS[kind][0]?.toUpperCase()}${DISPOSITION_LABELS[kind].slice(1)}${unit ? ` (${unit})` : ""}`}
            name={`quantities.${kind}`}
            inputMode="decimal"
            autoComplete="off"
            defaultValue={lot.reported[kind] === "0" ? "" : lot.reported[kind]}
          />
        ))}
      </div>
      {lot.packages.total > 0 ? (
        <p className="text-sm text-stone-600">
          {lot.packages.removed} of {lot.packages.total} packages are marked removed by scanning:
          they count as removed from sale.
        </p>
      ) : null}
      <SubmitButton pendingLabel="Recording…">Report for lot {lot.lotCode}</SubmitButton>
    </Form>
  );
}
