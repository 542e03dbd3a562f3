"use client";

import type { Option } from "@/lib/events/forms/field-spec";
import { Form } from "../forms/form";
import type { FormState } from "../forms/form-state";
import { SelectField } from "../forms/select-field";
import { SubmitButton } from "../forms/submit-button";
import { TextField } from "../forms/text-field";

/**
 * A logger goes with a lot or a shipment for a window — the truck's logger for one trip: its
 * readings in that window are the lot's. Times are on the organisation's clock; no end, until
 * detached.
 */
export function AttachDeviceForm({
  action,
  devices,
  targets,
  now,
}: {
  action: (state: FormState, data: FormData) => Promise<FormState>;
  devices: Option[];
  targets: Option[];
  /** The organisation's clock now, as a datetime-local value: the window's default start. */
  now: string;
}) {
  return (
    <Form action={action} className="flex flex-col gap-4">
      <SelectField
        label="Logger"
        name="deviceId"
        required
        missingMessage="Choose the logger to attach."
        options={[{ value: "", label: "Choose a logger…" }, ...devices]}
      />
      <SelectField
        label="Travels with"
        name="target"
        required
        missingMessage="Choose the lot or shipment the logger travels with."
        options={[{ value: "", label: "Choose a lot or shipment…" }, ...targets]}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label="From"
          name="startsAt"
          type="datetime-local"
          required
          defaultValue={now}
          missingMessage="Say from when the logger measures it."
        />
        <TextField
          label="To (optional)"
          name="endsAt"
          type="datetime-local"
          hint="Empty: until you detach it."
        />
      </div>
      <SubmitButton pendingLabel="Attaching…">Attach the logger</SubmitButton>
    </Form>
  );
}
