"use server";

import { redirect } from "next/navigation";
import type { FormState } from "@/components/forms/form-state";
import { refusal } from "@/components/forms/refusal";
import { authenticate } from "@/lib/auth/session";
import { readingsFromCsv, readingsUpload, recordReadings } from "@/lib/cold-chain";
import { getDb } from "@/lib/db";
import { parseInput } from "@/lib/input";
import { followWrites } from "@/lib/ledger-writes/follow";

/** Kept in the form after a refusal, so a person fixes the line instead of pasting it all again. */
const KEEP_PASTED_CHARS = 200_000;

/**
 * Records the readings of an uploaded or pasted CSV; on success, opens the lot page, which follows the
 * anchoring onto the ledger. */
export async function recordReadingsAction(
  lotId: string,
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const file = formData.get("file");
  const pasted = String(formData.get("csv") ?? "");
  const values = { csv: pasted.length <= KEEP_PASTED_CHARS ? pasted : "" };
  let target: string;
  try {
    const member = await authenticate();
    const upload = parseInput(readingsUpload, {
      file: file instanceof File && file.size > 0 ? await file.text() : pasted,
    });
    const db = getDb();
    const { writeId } = await recordReadings({
      db,
      member,
      lotId,
      readings: readingsFromCsv(upload.file),
    });
    target = `/lots/${lotId}?${followWrites([writeId])}`;
  } catch (error) {
    const refused = refusal(error, "recordReadingsAction", formData);
    // A refusal about the readings as a whole is about the file.
    return {
      ...refused,
      values,
      fieldErrors: Object.keys(refused?.fieldErrors ?? {}).length
        ? refused?.fieldErrors
        : { csv: refused?.message ?? "" },
    };
  }
  redirect(target);
}
