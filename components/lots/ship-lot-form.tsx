"use client";

import { useActionState, useId, useRef, useState } from "react";
import { FormError } from "../forms/form-error";
import type { FormState } from "../forms/form-state";
import { TextField } from "../forms/text-field";
import { ShipConfirmation, type ShipmentDraft } from "./ship-confirmation";

type Option = { gln: string; label: string };
/** The lot being shipped, as the confirmation names it. */
type ShippedLot = {
  product: string;
  lotCode: string;
  quantity: string | null;
  unit: string | null;
};

const SELECT = "min-h-12 w-full rounded-xl border-2 border-stone-300 bg-white px-3 text-lg";
const DOCUMENTS: Record<string, string> = { bol: "Bill of lading", desadv: "Despatch advice" };

/**
 * Shipping: where the lot goes (the immediate subsequent recipient and its place), who carries it,
 * how much of it (a farm, packer or processor may ship part), and the user's own bill of lading or
 * despatch advice number. "Ship this lot" first reads it all back (ship-confirmation.tsx); only
 * "Confirm shipment" records it. A carrier delivering a lot it picked up finds the shipper's
 * destination chosen and its document kept.
 */
export function ShipLotForm({
  action,
  lot,
  canShipPart,
  destinations,
  carriers,
  delivery,
}: {
  action: (state: FormState, data: FormData) => Promise<FormState>;
  lot: ShippedLot;
  canShipPart: boolean;
  destinations: Option[];
  carriers: Option[];
  /** Set when the member is the carrier of the lot's shipment: deliver it there. */
  delivery?: { recipientGln: string; document: string | null };
}) {
  const [state, formAction] = useActionState(action, undefined);
  const [draft, setDraft] = useState<ShipmentDraft | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const carrierId = useId();
  const value = (name: string, fallback = "") => state?.values?.[name] ?? fallback;
  // A refusal from the server sends the user back to the fields, where it is shown (React's way of
  // resetting state when a value changes: during render, not in an effect).
  const [answered, setAnswered] = useState(state);
  if (answered !== state) {
    setAnswered(state);
    setDraft(null);
  }

  function review() {
    const form = formRef.current;
    if (!form?.reportValidity()) return;
    const data = new FormData(form);
    const field = (name: string) => String(data.get(name) ?? "").trim();
    const whole = lot.quantity ? `all ${lot.quantity} ${lot.unit}` : "the whole lot";
    const quantity = field("quantity").replace(",", ".");
    const isPart =
      lot.quantity !== null && quantity !== "" && Number(quantity) < Number(lot.quantity);
    const rest = isPart ? Number((Number(lot.quantity) - Number(quantity)).toFixed(3)) : 0;
    const number = field("documentNumber");
    setDraft({
      product: lot.product,
      lotCode: lot.lotCode,
      quantity: isPart ? `${quantity} ${lot.unit} of ${lot.quantity} ${lot.unit}` : whole,
      recipient: destinations.find((d) => d.gln === field("recipientGln"))?.label ?? "",
      carrier: carriers.find((c) => c.gln === field("carrierGln"))?.label ?? null,
      document: number
        ? `${DOCUMENTS[field("documentType")] ?? "Document"} ${number}`
        : (delivery?.document ?? "LotLedger's shipment number, given when it is recorded"),
      remainderNote: isPart
        ? `The part gets a lot code of its own (${lot.lotCode}.P…); the other ${rest} ${lot.unit} stay here as a lot of their own.`
        : null,
    });
  }

  return (
    <form ref={formRef} action={formAction} className="flex flex-col gap-4">
      <FormError state={state} />
      <div hidden={draft !== null} className="flex flex-col gap-4">
        <label className="flex flex-col gap-1.5">
          <span className="text-base font-semibold">{delivery ? "Deliver to" : "Ship to"}</span>
          <select
            name="recipientGln"
            required
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
        {canShipPart && lot.quantity ? (
          <TextField
            label={`Quantity to ship (${lot.unit})`}
            name="quantity"
            inputMode="decimal"
            autoComplete="off"
            required
            pattern="[0-9]+([.,][0-9]{1,3})?"
            hint={`The lot holds ${lot.quantity} ${lot.unit}. Enter less to ship part of it; the rest stays here.`}
            defaultValue={value("quantity", lot.quantity)}
            isInvalid={state?.field === "quantity"}
          />
        ) : null}
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
        <button
          type="button"
          onClick={review}
          className="min-h-14 w-full rounded-xl bg-ledger-700 px-6 text-lg font-semibold text-white hover:bg-ledger-900"
        >
          {delivery ? "Deliver this lot" : "Ship this lot"}
        </button>
      </div>
      {draft ? (
        <ShipConfirmation
          draft={draft}
          isDelivery={Boolean(delivery)}
          onChange={() => setDraft(null)}
        />
      ) : null}
    </form>
  );
}
