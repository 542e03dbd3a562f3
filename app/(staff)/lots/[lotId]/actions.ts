"use server";

import { redirect } from "next/navigation";
import type { FormState } from "@/components/forms/form-state";
import { authenticate } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { toFailure } from "@/lib/errors";
import { awaitLedgerWrite } from "@/lib/events/ledger-write";
import { receiveLot } from "@/lib/events/receiving";
import { handOffLot } from "@/lib/events/shipping";

/** Ships the lot (first step of the handoff), then shows the lot page with where the write stands. */
export async function shipLotAction(
  lotId: string,
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const values = Object.fromEntries(
    ["recipientGln", "carrierGln", "documentType", "documentNumber"].map((k) => [
      k,
      String(formData.get(k) ?? ""),
    ]),
  );
  return settle("shipLotAction", lotId, values, async () =>
    handOffLot({ db: getDb(), member: await authenticate(), lotId, input: values }),
  );
}

/** Accepts or rejects an incoming shipment (the receiving CTE). */
export async function receiveLotAction(
  lotId: string,
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const values = {
    decision: String(formData.get("decision") ?? ""),
    reason: String(formData.get("reason") ?? ""),
  };
  return settle("receiveLotAction", lotId, values, async () =>
    receiveLot({ db: getDb(), member: await authenticate(), lotId, input: values }),
  );
}

async function settle(
  context: string,
  lotId: string,
  values: Record<string, string>,
  enqueue: () => Promise<{ writeId: string }>,
): Promise<FormState> {
  let isRecorded: boolean;
  try {
    const state = await awaitLedgerWrite(getDb(), (await enqueue()).writeId);
    isRecorded = state.status === "CONFIRMED" && state.isIndexed;
  } catch (error) {
    const failure = toFailure(error, context);
    return { message: failure.message, field: failure.field, values };
  }
  redirect(isRecorded ? `/lots/${lotId}` : `/lots/${lotId}?pending=1`);
}
