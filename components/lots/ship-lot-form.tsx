"use client";

import { useActionState, useId } from "react";
import { FormError } from "../forms/form-error";
import type { FormState } from "../forms/form-state";
import { SubmitButton } from "../forms/submit-button";
import { TextField } from "../forms/text-field";

type Option = { gln: string; label: string };

const SELECT = "min-h-12 w-full rounded-xl border-2 border-stone-300 bg-white px-3 text-lg";

/**
 * Shipping: where the lot goes (the immediate subsequent recipient and its place), who carries it,
 * and the user's own bill of lading or despatch advice number; one big button. A carrier delivering
 * a lot it picked up finds the shipper's destination chosen and its document kept.
 */
export function ShipLotForm({
  action,
  destinations,
  carriers,
  delivery,
}: {
  action: (state: FormState, data: FormData) => Promise<FormState>;
  destinations: Option[];
  carriers: Option[];
  /** Set when the member is the carrier of the lot's shipment: deliver it there. */
  delivery?: { recipientGln: string; document: string | null };
}) {
  const [state, formAction] = useActionState(action, undefined);
  const carrierId = useId();
  const value = (name: string, fallback = "") => state?.values?.[name] ?? fallback;
  return (
    <form action={formAction} className="flex flex-col gap-4">
      <FormError state={state} />
      <label className="flex flex-col gap-1.5">
        <span className="text-base font-semibold">{delivery ? "Deliver to" : "Ship to"}</span>
        <select
          name="recipientGln"
          defaultValue={value("recipientGln", delivery?.recipientGln)}
          aria-invalid={state?.field === "recipientGln" || undefined}
          className={SELECT}
        >
          <option value="">Choose who receives it…</option>
          {destinations.map((d) => (
            <option key={d.gln} value={d.gln}>
              {d.label}
            </option>
          ))}
        </select>
      </label>
      {delivery ? null : (
        <div className="flex flex-col gap-1.5">
          <label htmlFor={carrierId} className="text-base font-semibold">
            Carrier
          </label>
          <select
            id={carrierId}
            name="carrierGln"
            defaultValue={value("carrierGln")}
            aria-invalid={state?.field === "carrierGln" || undefined}
            className={SELECT}
          >
            <option value="">None: we deliver it, or they collect it</option>
            {carriers.map((c) => (
              <option key={c.gln} value={c.gln}>
                {c.label}
              </option>
            ))}
          </select>
          <span className="text-sm text-stone-600">
            The carrier holds the lot on the way; the recipient above is who it is for.
          </span>
        </div>
      )}
      <fieldset className="flex flex-col gap-1.5">
        <legend className="text-base font-semibold">Reference document (optional)</legend>
        <select
          name="documentType"
          aria-label="Document type"
          defaultValue={value("documentType", "bol")}
          className={SELECT}
        >
          <option value="bol">Bill of lading</option>
          <option value="desadv">Despatch advice</option>
        </select>
        <TextField
          label="Document number"
          name="documentNumber"
          autoComplete="off"
          hint={
            delivery?.document
              ? `Leave empty to keep the shipper's ${delivery.document}.`
              : "Your own number, as on the paperwork; leave empty to use LotLedger's shipment number."
          }
          defaultValue={state?.values?.documentNumber}
          isInvalid={state?.field === "documentNumber"}
        />
      </fieldset>
      <SubmitButton pendingLabel="Recording the shipment…">
        {delivery ? "Deliver this lot" : "Ship this lot"}
      </SubmitButton>
    </form>
  );
}
