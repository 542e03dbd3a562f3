"use server";

import { redirect } from "next/navigation";
import type { FormState } from "@/components/forms/form-state";
import { refusal } from "@/components/forms/refusal";
import { authenticate } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { followWrites } from "@/lib/ledger-writes/follow";
import { receiveShipment, shipGoods } from "@/lib/shipments";

/** Ships the pallets and lots ticked, then opens the shipment's page, which follows the write. */
export async function shipGoodsAction(
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const input = {
    recipientGln: String(formData.get("recipientGln") ?? ""),
    carrierGln: String(formData.get("carrierGln") ?? ""),
    ssccs: formData.getAll("ssccs").map(String),
    lotIds: formData.getAll("lotIds").map(String),
    documentType: String(formData.get("documentType") ?? "bol"),
    documentNumber: String(formData.get("documentNumber") ?? ""),
  };
  let target: string;
  try {
    const { writeId, reference } = await shipGoods({
      db: getDb(),
      member: await authenticate(),
      input,
    });
    target = `/shipments/${reference}?${followWrites([writeId])}`;
  } catch (error) {
    return refusal(error, "shipGoodsAction", formData);
  }
  redirect(target);
}

/**
 * Accepts or refuses a shipment, whole or the pallet named (`sscc`), then shows the shipment's page
 * following the write, with the note when the answer had to go lot by lot.
 */
export async function receiveShipmentAction(
  reference: string,
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const sscc = String(formData.get("sscc") ?? "");
  const input = {
    decision: String(formData.get("decision") ?? ""),
    reason: String(formData.get("reason") ?? ""),
    ssccs: sscc ? [sscc] : [],
  };
  let target: string;
  try {
    const { writeId, note } = await receiveShipment({
      db: getDb(),
      member: await authenticate(),
      reference,
      input,
    });
    const said = note ? `&note=${encodeURIComponent(note)}` : "";
    target = `/shipments/${reference}?${followWrites([writeId])}${said}`;
  } catch (error) {
    return refusal(error, "receiveShipmentAction", formData);
  }
  redirect(target);
}
