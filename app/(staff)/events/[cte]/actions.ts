"use server";

import { redirect } from "next/navigation";
import type { FormState } from "@/components/forms/form-state";
import { refusal } from "@/components/forms/refusal";
import { authenticate } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { queueTrackingEvent } from "@/lib/events/record-event";
import { nestFormValues } from "@/lib/input";
import { followWrites } from "@/lib/ledger-writes/follow";

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
    // Answered once it is in the outbox: the lot's page follows it onto the ledger (and shows a lot
    // it makes once the indexer has it).
    target = `/lots/${queued.newLotIds[0] ?? queued.lotId}?${followWrites([queued.writeId])}`;
  } catch (error) {
    return refusal(error, "recordEventAction", formData);
  }
  redirect(target);
}
