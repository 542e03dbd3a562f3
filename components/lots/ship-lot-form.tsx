"use client";

import { QUANTITY_INPUT_PATTERN, QUANTITY_INVALID, QUANTITY_MISSING } from "@/lib/epcis/quantity";
import { Form } from "../forms/form";
import type { FormState } from "../forms/form-state";
import { SelectField } from "../forms/select-field";
import { SubmitButton } from "../forms/submit-button";
import { TextField } from "../forms/text-field";
import { ShipConfirmation, type ShippedLot } from "./ship-confirmation";

type Party = { gln: string; label: string };

const RECIPIENT_MISSING = "Choose where the lot is shipped to.";
const DOCUMENT_TYPES = [
  { value: "bol", label: "Bill of lading" },
  { value: "desadv", label: "Despatch advice" },
];

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
  destinations: Party[];
  carriers: Party[];
  /** Set when the member is the carrier of the lot's shipment: deliver it there. */
  delivery?: { recipientGln: string; document: string | null };
}) {
  const recipients = destinations.map((d) => ({ value: d.gln, label: d.label }));
  const carriedBy = carriers.map((c) => ({ value: c.gln, label: c.label }));
  return (
    <Form
      action={action}
      aria-label={delivery ? "Deliver this lot" : "Ship this lot"}
      className="flex flex-col gap-4"
      confirm={{
        title: "Check before it is recorded",
        summary: (data) => (
          <ShipConfirmation
            data={data}
            lot={lot}
            destinations={recipients}
            carriers={carriedBy}
            delivery={delivery}
          />
        ),
        confirmLabel: delivery ? "Confirm delivery" : "Confirm shipment",
        backLabel: "Change something",
        tone: "check",
        hidesFields: true,
      }}
    >
      <SelectField
        label={delivery ? "Deliver to" : "Ship to"}
        name="recipientGln"
        options={[{ value: "", label: "Choose who receives it…" }, ...recipients]}
        defaultValue={delivery?.recipientGln ?? ""}
        required
        missingMessage={RECIPIENT_MISSING}
      />
      {delivery ? null : (
        <SelectField
          label="Carrier"
          name="carrierGln"
          options={[{ value: "", label: "None: we deliver it, or they collect it" }, ...carriedBy]}
          defaultValue=""
          hint="The carrier holds the lot on the way; the recipient above is who it is for."
        />
      )}
      {canShipPart && lot.quantity ? (
        <TextField
          label={`Quantity to ship (${lot.unit})`}
          name="quantity"
          inputMode="decimal"
          autoComplete="off"
          required
          pattern={QUANTITY_INPUT_PATTERN}
          missingMessage={QUANTITY_MISSING}
          invalidMessage={QUANTITY_INVALID}
          hint={`The lot holds ${lot.quantity} ${lot.unit}. Enter less to ship part of it; the rest stays here.`}
          defaultValue={lot.quantity}
        />
      ) : null}
      <fieldset className="flex flex-col gap-3">
        <legend className="mb-1.5 text-base font-semibold">Reference document (optional)</legend>
        <SelectField
          label="Document type"
          name="documentType"
          options={DOCUMENT_TYPES}
          defaultValue="bol"
        />
        <TextField
          label="Document number"
          name="documentNumber"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={40}
          hint={
            delivery?.document
              ? `Leave empty to keep the shipper's ${delivery.document}.`
              : "Your own number, as on the paperwork; leave empty to use LotLedger's shipment number."
          }
        />
      </fieldset>
      <SubmitButton pendingLabel="Recording the shipment…">
        {delivery ? "Deliver this lot" : "Ship this lot"}
      </SubmitButton>
    </Form>
  );
}
