"use server";

import { redirect } from "next/navigation";
import type { FormState } from "@/components/forms/form-state";
import { refusal } from "@/components/forms/refusal";
import { authenticate } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { followWrites } from "@/lib/ledger-writes/follow";
import { unpackUnit } from "@/lib/logistic-units";

/** Takes the pallet apart; its page then follows the unpacking onto the ledger. */
export async function takeApartAction(sscc: string, _previous: FormState): Promise<FormState> {
  let target: string;
  try {
    const { writeId } = await unpackUnit({ db: getDb(), member: await authenticate(), sscc });
    target = `/units/${sscc}?${followWrites([writeId])}`;
  } catch (error) {
    return refusal(error, "takeApartAction");
  }
  redirect(target);
}
