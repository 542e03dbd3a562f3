"use server";

import { redirect } from "next/navigation";
import type { FormState } from "@/components/forms/form-state";
import { authenticate } from "@/lib/auth/session";
import { awaitLedgerWrite } from "@/lib/chain/outbox/await-write";
import { getDb } from "@/lib/db";
import { AppError, toFailure } from "@/lib/errors";
import { handOffLot, handOffLotInput } from "@/lib/lots/hand-off-lot";
import { receiveLot, receiveLotInput } from "@/lib/lots/receive-lot";

/** Ships the lot (first step of the handoff), then shows the lot page with where the write stands. */
export async function shipLotAction(
  lotId: string,
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const values = Object.fromEntries(
    ["recipientGln", "billOfLading", "carrierName"].map((k) => [k, String(formData.get(k) ?? "")]),
  );
  return settle("shipLotAction", lotId, values, async () => {
    const input = handOffLotInput.safeParse(values);
    if (!input.success)
      throw new AppError("INVALID_INPUT", input.error.issues[0]?.message ?? "Choose a recipient.");
    return handOffLot({ db: getDb(), member: await authenticate(), lotId, input: input.data });
  });
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
  return settle("receiveLotAction", lotId, values, async () => {
    const input = receiveLotInput.safeParse(values);
    if (!input.success) {
      throw new AppError(
        "INVALID_INPUT",
        input.error.issues[0]?.message ?? "Choose accept or reject.",
        { field: "reason" },
      );
    }
    return receiveLot({ db: getDb(), member: await authenticate(), lotId, input: input.data });
  });
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
