"use client";

import { useState } from "react";
import type { ShippableLot, ShippablePallet } from "@/lib/shipments/shippable-goods";
import { CheckboxGroup } from "../forms/checkbox-group";
import { Form } from "../forms/form";
import type { FormState } from "../forms/form-state";
import { SelectField } from "../forms/select-field";
import { SubmitButton } from "../forms/submit-button";
import { TextField } from "../forms/text-field";
import { shipmentCounts } from "./shipment-counts";

type Party = { gln: string; label: string };

const DOCUMENT_TYPES = [
  { value: "bol", label: "Bill of lading" },
  { value: "desadv", label: "Despatch advice" },
];

/**
 * One shipment, one ledger write: tick the pallets and loose lots on the truck, say who receives it
 * and who carries it, and the paperwork's number. The button counts what is ticked ("Ship 2
 * pallets, 1 lot"); without JavaScript it says "Ship" and the server counts.
 */
export function ShipGoodsForm({
  action,
  pallets,
  lots,
  destinations,
  carriers,
}: {
  action: (state: FormState, data: FormData) => Promise<FormState>;
  pallets: ShippablePallet[];
  lots: ShippableLot[];
  destinations: Party[];
  carriers: Party[];
}) {
  const [ticked, setTicked] = useState<{ pallets: number; lots: number } | null>(null);
  const count = (form: HTMLFormElement) => {
    const data = new FormData(form);
    setTicked({ pallets: data.getAll("ssccs").length, lots: data.getAll("lotIds").length });
  };
  return (
    <Form
      action={action}
      aria-label="Ship pallets and lots"
      className="flex flex-col gap-4"
      onChange={(event) => count(event.currentTarget)}
    >
      <CheckboxGroup
        label="Pallets"
        name="ssccs"
        options={pallets.map((p) => ({
          value: p.sscc,
          label: `SSCC ${p.sscc} · ${p.lotCount} ${p.lotCount === 1 ? "lot" : "lots"}, ${p.caseCount} cases`,
        }))}
        defaultValues={[]}
        empty="No pallet is packed here: build one on the Pallets page, or ship lots loose."
      />
      <CheckboxGroup
        label="Loose lots"
        name="lotIds"
        options={lots.map((lot) => ({
          value: lot.id,
          label: `${lot.product} · lot ${lot.lotCode}${lot.quantity ? ` · ${lot.quantity} ${lot.unit ?? ""}` : ""}`,
        }))}
        defaultValues={[]}
        empty="No lot is held here off a pallet."
      />
      <SelectField
        label="Ship to"
        name="recipientGln"
        options={[
          { value: "", label: "Choose who receives it…" },
          ...destinations.map((d) => ({ value: d.gln, label: d.label })),
        ]}
        defaultValue=""
        required
        missingMessage="Choose who the shipment goes to."
      />
      <SelectField
        label="Carrier"
        name="carrierGln"
        options={[
          { value: "", label: "None: we deliver it, or they collect it" },
          ...carriers.map((c) => ({ value: c.gln, label: c.label })),
        ]}
        defaultValue=""
        hint="The carrier holds the goods on the way; the recipient above is who they are for."
      />
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
          hint="As on the paperwork; leave empty to use LotLedger's shipment reference."
        />
      </fieldset>
      <SubmitButton pendingLabel="Recording the shipment…">
        {ticked && ticked.pallets + ticked.lots > 0
          ? `Ship ${shipmentCounts(ticked.pallets, ticked.lots)}`
          : "Ship"}
      </SubmitButton>
    </Form>
  );
}
