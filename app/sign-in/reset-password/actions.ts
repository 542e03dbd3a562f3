"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import type { FormState } from "@/components/forms/form-state";
import { refusal } from "@/components/forms/refusal";
import { passwordInput } from "@/lib/auth/auth";
import { resetPassword } from "@/lib/auth/password-reset";
import { parseInput } from "@/lib/input";

const newPasswordInput = z.object({ token: z.string().min(1), password: passwordInput });

/** Sets the new password from the emailed link's token, then sends the person to sign in with it. */
export async function resetPasswordAction(
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  // The link's token is no field to fix: without it only the email's link helps.
  if (!formData.get("token")) {
    return { message: "This link is incomplete: open the link in the email again." };
  }
  try {
    const input = parseInput(newPasswordInput, Object.fromEntries(formData));
    await resetPassword({ ...input, headers: await headers() });
  } catch (error) {
    return refusal(error, "resetPasswordAction", formData);
  }
  redirect("/sign-in?reset=1");
}
