"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import type { FormState } from "@/components/forms/form-state";
import { passwordInput } from "@/lib/auth/auth";
import { resetPassword } from "@/lib/auth/password-reset";
import { AppError } from "@/lib/errors";

const newPasswordInput = z.object({ token: z.string().min(1), password: passwordInput });

/** Sets the new password from the emailed link's token, then sends the person to sign in with it. */
export async function resetPasswordAction(
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const input = newPasswordInput.safeParse(Object.fromEntries(formData));
  if (!input.success) {
    const issue = input.error.issues[0];
    if (issue?.path[0] === "token") {
      return { message: "This link is incomplete: open the link in the email again." };
    }
    return { message: issue?.message ?? "Choose a new password.", field: "password" };
  }
  try {
    await resetPassword({ ...input.data, headers: await headers() });
  } catch (error) {
    if (error instanceof AppError) return { message: error.message };
    throw error;
  }
  redirect("/sign-in?reset=1");
}
