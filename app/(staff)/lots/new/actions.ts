"use server";

import { redirect } from "next/navigation";
import type { FormState } from "@/components/forms/form-state";
import { refusal } from "@/components/forms/refusal";
import { authenticate } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { createLot } from "@/lib/events/register-lot";
import { followWrites } from "@/lib/ledger-writes/follow";

/** Registers a lot; the lots page then shows it saved, and on the ledger once the indexer has it. */
export async function createLotAction(
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const values = Object.fromEntries(
    ["gtin", "lotCode", "quantity", "unit"].map((k) => [k, String(formData.get(k) ?? "")]),
  );
  let target: string;
  try {
    const member = await authenticate();
    const db = getDb();
    const { lotId, writeId } = await createLot({ db, member, input: values });
    // Answered once it is in the outbox: the lots page follows it onto the ledger.
    target = `/lots?created=${lotId}&${followWrites([writeId])}`;
  } catch (error) {
    return refusal(error, "createLotAction", formData);
  }
  redirect(target);
}
