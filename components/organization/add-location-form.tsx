"use client";

import { Form } from "../forms/form";
import type { FormState } from "../forms/form-state";
import { SubmitButton } from "../forms/submit-button";
import { TextField } from "../forms/text-field";

/**
 * A new place of the organisation: GLN with check digit, the FSMA 204 location description (street,
 * city, region, postal code, country, phone), its time zone, optional coordinates.
 */
export function AddLocationForm({
  action,
}: {
  action: (state: FormState, data: FormData) => Promise<FormState>;
}) {
  const field = (name: string) => ({ name });
  return (
    <Form action={action} className="flex flex-col gap-5">
      <TextField label="Name" {...field("name")} />
      <TextField
        label="GLN"
        inputMode="numeric"
        hint="13 digits, the last one a check digit"
        {...field("gln")}
      />
      <TextField label="Street address" autoComplete="address-line1" {...field("address")} />
      <TextField label="City" autoComplete="address-level2" {...field("city")} />
      <div className="grid grid-cols-2 gap-3">
        <TextField label="State or region" autoComplete="address-level1" {...field("region")} />
        <TextField label="Postal code" autoComplete="postal-code" {...field("postalCode")} />
      </div>
      <div className="grid grid-cols-2 gap-3">
        <TextField
          label="Country"
          autoComplete="country"
          hint="Two letters, e.g. US"
          autoCapitalize="characters"
          maxLength={2}
          {...field("countryCode")}
        />
        <TextField label="Phone" type="tel" autoComplete="tel" {...field("phone")} />
      </div>
      <TextField
        label="Time zone"
        hint="e.g. America/Los_Angeles: times recorded here are shown in it"
        autoCapitalize="off"
        autoCorrect="off"
        spellCheck={false}
        {...field("timeZone")}
      />
      <div className="grid grid-cols-2 gap-3">
        <TextField label="Latitude" inputMode="decimal" hint="Optional" {...field("latitude")} />
        <TextField label="Longitude" inputMode="decimal" hint="Optional" {...field("longitude")} />
      </div>
      <SubmitButton pendingLabel="Adding…">Add location</SubmitButton>
    </Form>
  );
}
