"use server";

import { z } from "zod";
import { authenticate } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { type ActionResult, AppError, toFailure } from "@/lib/errors";
import { resolveScan, type ScanResolution } from "@/lib/scan/resolve-scan";

// Far above any GS1 symbol's content (a QR code holds at most 7,089 digits); a cap, not a rule.
const scanInput = z.string().max(8_000);

export async function resolveScanAction(text: unknown): Promise<ActionResult<ScanResolution>> {
  try {
    const member = await authenticate();
    const input = scanInput.safeParse(text);
    if (!input.success) {
      throw new AppError(
        "INVALID_INPUT",
        "This is too long to be a barcode: scan the label again.",
      );
    }
    return { ok: true, data: await resolveScan({ db: getDb(), member, text: input.data }) };
  } catch (error) {
    return toFailure(error, "resolveScanAction");
  }
}
