"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import type { FormState } from "@/components/forms/form-state";
import { requestPasswordReset } from "@/lib/auth/password-reset";
import { AppError } from "@/lib/errors";

const resetRequestInput = z.object({ email: z.email() });

/** Emails a reset link (if the address has an account) and shows the one sentence for every address. */
export async function requestPasswordResetAction(
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const values = { email: String(formData.get("email") ?? "").trim() };
  const input = resetRequestInput.safeParse(values);
  if (!input.success) {
    return { message: "Enter the email address you sign in with.", field: "email", values };
  }
  try {
    await requestPasswordReset({ email: input.data.email, headers: await headers() });
  } catch (error) {
    // "Too many password reset requests: try again in N minutes."
    if (error instanceof AppError) return { message: error.message, values };
    throw error;
  }
  redirect("/sign-in/forgot-password?sent=1");
}
