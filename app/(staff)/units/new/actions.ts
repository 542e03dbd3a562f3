"use server";

import { redirect } from "next/navigation";
import type { FormState } from "@/components/forms/form-state";
import { refusal } from "@/components/forms/refusal";
import { authenticate } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { followWrites } from "@/lib/ledger-writes/follow";
import { buildUnit } from "@/lib/logistic-units";

/** Builds the pallet, then opens its page, which follows the packing onto the ledger. */
export async function buildUnitAction(
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  let target: string;
  try {
    const input = {
      lotIds: formData.getAll("lotIds").map(String),
      extensionDigit: String(formData.get("extensionDigit") ?? ""),
    };
    const built = await buildUnit({ db: getDb(), member: await authenticate(), input });
    target = `/units/${built.sscc}?${followWrites([built.writeId])}`;
  } catch (error) {
    return refusal(error, "buildUnitAction", formData);
  }
  redirect(target);
}
