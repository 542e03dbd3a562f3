"use server";

import { redirect } from "next/navigation";
import type { FormState } from "@/components/forms/form-state";
import { refusal } from "@/components/forms/refusal";
import { authenticate } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { addLocation } from "@/lib/organizations";

export async function addLocationAction(
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const text = (name: string) => String(formData.get(name) ?? "");
  const values = Object.fromEntries(
    [
      ...["name", "gln", "address", "city", "region", "postalCode", "countryCode", "phone"],
      ...["timeZone", "latitude", "longitude"],
    ].map((name) => [name, text(name)]),
  );
  let gln: string;
  try {
    const member = await authenticate();
    ({ gln } = await addLocation({ db: getDb(), member, input: values }));
  } catch (error) {
    return refusal(error, "addLocationAction", formData);
  }
  redirect(`/organization?added=${gln}`);
}
