"use server";

import { redirect } from "next/navigation";
import type { FormState } from "@/components/forms/form-state";
import { authenticate } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { toFailure } from "@/lib/errors";
import { addLocation } from "@/lib/organizations/add-location";
import { locationInput } from "@/lib/organizations/location-input";

const FIELDS = ["name", "gln", "address", "latitude", "longitude"] as const;

export async function addLocationAction(
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const values = Object.fromEntries(FIELDS.map((k) => [k, String(formData.get(k) ?? "")]));
  let gln: string;
  try {
    const member = await authenticate();
    ({ gln } = await addLocation({ db: getDb(), member, input: locationInput.parse(values) }));
  } catch (error) {
    const failure = toFailure(error, "addLocationAction");
    return { message: failure.message, field: failure.field, values };
  }
  redirect(`/organization?added=${gln}`);
}
