"use server";

import { redirect } from "next/navigation";
import type { FormState } from "@/components/forms/form-state";
import { refusal } from "@/components/forms/refusal";
import { authenticate } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { awaitLedgerWrite } from "@/lib/events/ledger-write";
import { queueTrackingEvent } from "@/lib/events/record-event";
import { nestFormValues } from "@/lib/input";

/** Records a critical tracking event from its form; on success, opens the lot it made or changed. */
export async function recordEventAction(
  cte: string,
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  let target: string;
  try {
    const member = await authenticate();
    const db = getDb();
    const queued = await queueTrackingEvent({
      db,
      member,
      cte,
      values: nestFormValues(formData.entries()),
    });
    const state = await awaitLedgerWrite(db, queued.writeId);
    const lotId = queued.newLotIds[0] ?? queued.lotId;
    target =
      state.status === "CONFIRMED" && state.isIndexed
        ? `/lots/${lotId}?recorded=1`
        : `/lots?pending=${lotId}`;
  } catch (error) {
    return refusal(error, "recordEventAction", formData);
  }
  redirect(target);
}
