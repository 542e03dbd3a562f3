"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import type { FormState } from "@/components/forms/form-state";
import { refusal } from "@/components/forms/refusal";
import { requestPasswordReset } from "@/lib/auth/password-reset";
import { parseInput } from "@/lib/input";

const resetRequestInput = z.object({ email: z.email("Enter the email address you sign in with.") });

/** Emails a reset link (if the address has an account) and shows the one sentence for every address. */
export async function requestPasswordResetAction(
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  try {
    const { email } = parseInput(resetRequestInput, {
      email: String(formData.get("email") ?? "").trim(),
    });
    await requestPasswordReset({ email, headers: await headers() });
  } catch (error) {
    // Also "Too many password reset requests: try again in N minutes."
    return refusal(error, "requestPasswordResetAction", formData);
  }
  redirect("/sign-in/forgot-password?sent=1");
}
