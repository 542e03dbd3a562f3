"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { FormState } from "@/components/forms/form-state";
import { refusal } from "@/components/forms/refusal";
import { authenticate } from "@/lib/auth/session";
import { acknowledgeColdChainAlert } from "@/lib/cold-chain";
import { getDb } from "@/lib/db";

const acknowledgeForm = z.object({ comment: z.string() });

/** Closes a cold-chain alert with what was done about it (the lots page, the lot page). */
export async function acknowledgeColdChainAlertAction(
  alertId: string,
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const { comment } = acknowledgeForm.parse({ comment: String(formData.get("comment") ?? "") });
  try {
    await acknowledgeColdChainAlert({
      db: getDb(),
      member: await authenticate(),
      alertId,
      comment,
    });
  } catch (error) {
    return refusal(error, "acknowledgeColdChainAlertAction", formData);
  }
  // Listed on the homes, the lots page and each lot's page.
  revalidatePath("/", "layout");
  return { recorded: "Alert acknowledged ✓" };
}
