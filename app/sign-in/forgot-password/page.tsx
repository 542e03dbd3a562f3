import type { Metadata } from "next";
import Link from "next/link";
import { RequestPasswordResetForm } from "@/components/auth/password-reset-forms";
import { RESET_REQUESTED_SENTENCE } from "@/lib/auth/password-reset";
import { requestPasswordResetAction } from "./actions";

export const metadata: Metadata = { title: "Forgot your password" };

export default async function ForgotPasswordPage({
  searchParams,
}: {
  searchParams: Promise<{ sent?: string }>;
}) {
  const { sent } = await searchParams;
  return (
    <main className="mx-auto flex w-full max-w-md flex-col gap-6 px-5 py-12">
      <h1 className="text-3xl font-bold text-ledger-900">Forgot your password?</h1>
      {sent ? (
        <p role="status" className="rounded-xl bg-ledger-50 p-4 text-lg" data-testid="reset-sent">
          {RESET_REQUESTED_SENTENCE}
        </p>
      ) : (
        <>
          <p className="text-lg">
            Enter the email address you sign in with. We will email it a link to choose a new
            password.
          </p>
          <RequestPasswordResetForm action={requestPasswordResetAction} />
        </>
      )}
      <Link href="/sign-in" className="self-start py-2 text-lg underline underline-offset-4">
        Back to sign in
      </Link>
    </main>
  );
}
