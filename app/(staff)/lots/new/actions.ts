"use server";

import { redirect } from "next/navigation";
import type { FormState } from "@/components/forms/form-state";
import { refusal } from "@/components/forms/refusal";
import { authenticate } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { awaitLedgerWrite } from "@/lib/events/ledger-write";
import { createLot } from "@/lib/events/register-lot";

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
    const state = await awaitLedgerWrite(db, writeId);
    target =
      state.status === "CONFIRMED" && state.isIndexed
        ? `/lots?created=${lotId}`
        : `/lots?pending=${lotId}`;
  } catch (error) {
    return refusal(error, "createLotAction", formData);
  }
  redirect(target);
}
