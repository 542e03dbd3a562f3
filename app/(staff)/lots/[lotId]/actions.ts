"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import type { FormState } from "@/components/forms/form-state";
import { refusal } from "@/components/forms/refusal";
import { authenticate } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { cancelShipment } from "@/lib/events/cancel-shipment";
import { receiveLot } from "@/lib/events/receiving";
import { handOffLot } from "@/lib/events/shipping";
import { releaseLotHold } from "@/lib/holds";
import { followWrites } from "@/lib/ledger-writes/follow";

/**
 * Ships the lot, or part of it (first step of the handoff), then shows the page of the lot that is on
 * its way (the part, when part of it ships), which follows the write onto the ledger.
 */
export async function shipLotAction(
  lotId: string,
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const values = Object.fromEntries(
    ["recipientGln", "carrierGln", "quantity", "documentType", "documentNumber"].map((k) => [
      k,
      String(formData.get(k) ?? ""),
    ]),
  );
  return settle("shipLotAction", lotId, formData, async () =>
    handOffLot({ db: getDb(), member: await authenticate(), lotId, input: values }),
  );
}

/** Accepts or rejects an incoming shipment (the receiving CTE), with what was found on arrival. */
export async function receiveLotAction(
  lotId: string,
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const values = Object.fromEntries(
    ["decision", "reason", "countedQuantity", "condition", "temperature"].map((k) => [
      k,
      String(formData.get(k) ?? ""),
    ]),
  );
  return settle("receiveLotAction", lotId, formData, async () =>
    receiveLot({ db: getDb(), member: await authenticate(), lotId, input: values }),
  );
}

/** The sender takes back a lot in transit that nobody has received yet. */
export async function cancelShipmentAction(
  lotId: string,
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const values = { reason: String(formData.get("reason") ?? "") };
  return settle("cancelShipmentAction", lotId, formData, async () =>
    cancelShipment({ db: getDb(), member: await authenticate(), lotId, input: values }),
  );
}

const releaseForm = z.object({ reason: z.string() });

/** The custodian's quality manager releases a held lot, saying why the goods are fit. */
export async function releaseLotHoldAction(
  lotId: string,
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const { reason } = releaseForm.parse({ reason: String(formData.get("reason") ?? "") });
  return settle("releaseLotHoldAction", lotId, formData, async () =>
    releaseLotHold({ db: getDb(), member: await authenticate(), lotId, reason }),
  );
}

/** Answers once the write is in the outbox: the lot page it opens follows it onto the ledger. */
async function settle(
  context: string,
  lotId: string,
  formData: FormData,
  enqueue: () => Promise<{ writeId: string; lotId?: string }>,
): Promise<FormState> {
  let target: string;
  try {
    const queued = await enqueue();
    target = `/lots/${queued.lotId ?? lotId}?${followWrites([queued.writeId])}`;
  } catch (error) {
    // Every wrong field at once, at its field, with what was typed.
    return refusal(error, context, formData);
  }
  redirect(target);
}
