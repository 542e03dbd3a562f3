import type { Metadata } from "next";
import Link from "next/link";
import { AcceptInvitationForm } from "@/components/auth/account-forms";
import { FormError } from "@/components/forms/form-error";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { getOpenInvitation, MEMBER_ROLE_LABELS, type OpenInvitation } from "@/lib/organizations";
import { acceptInvitationAction } from "./actions";

export const metadata: Metadata = { title: "Join your organisation" };

/** Public: the invitee has no account yet. The token in the path is the only credential. */
export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  let invitation: OpenInvitation;
  try {
    invitation = await getOpenInvitation({ db: getDb(), token });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return (
      <main className="mx-auto flex max-w-md flex-col gap-6 px-5 py-12">
        <h1 className="text-3xl font-bold text-ledger-900">Invitation</h1>
        <FormError state={{ message: error.message }} />
        <Link href="/sign-in" className="text-lg underline">
          Sign in
        </Link>
      </main>
    );
  }
  return (
    <main className="mx-auto flex max-w-md flex-col gap-6 px-5 py-12">
      <h1 className="text-3xl font-bold text-ledger-900">Join {invitation.organization.name}</h1>
      <p className="text-lg">
        You are invited as <strong>{MEMBER_ROLE_LABELS[invitation.role]}</strong>. You will sign in
        as <strong className="break-all">{invitation.email}</strong>.
      </p>
      <AcceptInvitationForm
        action={acceptInvitationAction.bind(null, token)}
        organizationName={invitation.organization.name}
      />
    </main>
  );
}
