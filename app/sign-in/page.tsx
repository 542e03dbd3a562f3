import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/account-forms";
import { getMember } from "@/lib/auth/session";
import { signInAction } from "./actions";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage() {
  if (await getMember()) redirect("/lots");
  return (
    <main className="mx-auto flex max-w-md flex-col gap-6 px-5 py-12">
      <h1 className="text-3xl font-bold text-ledger-900">Sign in to LotLedger</h1>
      <SignInForm action={signInAction} />
    </main>
  );
}
