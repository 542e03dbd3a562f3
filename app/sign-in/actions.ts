"use server";

import { APIError } from "better-auth/api";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import type { FormState } from "@/components/forms/form-state";
import { getAuth } from "@/lib/auth/auth";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { AppError } from "@/lib/errors";

const signInInput = z.object({ email: z.string().trim().min(1), password: z.string().min(1) });

export async function signInAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = { email: String(formData.get("email") ?? "") };
  const input = signInInput.safeParse(Object.fromEntries(formData));
  if (!input.success) return { message: "Enter your email and password.", values };
  try {
    await signInWithPassword({ ...input.data, headers: await headers() });
  } catch (error) {
    if (error instanceof APIError) {
      return { message: "The email or password is wrong: check them and try again.", values };
    }
    // "Too many sign-in attempts: try again in N minutes."
    if (error instanceof AppError) return { message: error.message, values };
    throw error;
  }
  redirect("/home");
}

export async function signOutAction(): Promise<void> {
  await getAuth().api.signOut({ headers: await headers() });
  redirect("/sign-in");
}
