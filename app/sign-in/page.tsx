import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/account-forms";
import { getMember } from "@/lib/auth/session";
import { signInAction } from "./actions";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ reset?: string }>;
}) {
  if (await getMember()) redirect("/home");
  const { reset } = await searchParams;
  return (
    <main className="mx-auto flex w-full max-w-md flex-col gap-6 px-5 py-12">
      <h1 className="text-3xl font-bold text-ledger-900">Sign in to LotLedger</h1>
      {reset ? (
        <p role="status" className="rounded-xl bg-ledger-50 p-4 text-lg">
          Your new password is saved: sign in with it.
        </p>
      ) : null}
      <SignInForm action={signInAction} />
      <Link
        href="/sign-in/forgot-password"
        className="self-start py-2 text-lg underline underline-offset-4"
      >
        Forgot your password?
      </Link>
    </main>
  );
}
