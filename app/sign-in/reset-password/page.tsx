import type { Metadata } from "next";
import Link from "next/link";
import { ResetPasswordForm } from "@/components/auth/password-reset-forms";
import { resetPasswordAction } from "./actions";

export const metadata: Metadata = { title: "Choose a new password" };

/** Where the reset email's link leads: ?token= is the one-time token Better Auth made. */
export default async function ResetPasswordPage({
  searchParams,
}: {
  searchParams: Promise<{ token?: string }>;
}) {
  const { token } = await searchParams;
  return (
    <main className="mx-auto flex w-full max-w-md flex-col gap-6 px-5 py-12">
      <h1 className="text-3xl font-bold text-ledger-900">Choose a new password</h1>
      {token ? (
        <ResetPasswordForm action={resetPasswordAction} token={token} />
      ) : (
        <p role="alert" className="rounded-xl bg-red-50 p-4 text-lg text-red-900">
          This link is incomplete: open the link in the email again, or{" "}
          <Link href="/sign-in/forgot-password" className="underline">
            ask for a new one
          </Link>
          .
        </p>
      )}
    </main>
  );
}
