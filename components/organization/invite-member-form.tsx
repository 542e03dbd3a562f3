"use client";

import { useActionState } from "react";
import { invitationSentence } from "@/lib/organizations/invitation-sentence";
import type { InvitationDelivery } from "@/lib/organizations/invitation-transport";
import { MEMBER_ROLE_LABELS, MEMBER_ROLES } from "@/lib/organizations/member-roles";
import { FormError } from "../forms/form-error";
import { SubmitButton } from "../forms/submit-button";
import { TextField } from "../forms/text-field";
import { CopyLink } from "./copy-link";

export type InvitationFormState =
  | {
      message?: string;
      field?: string;
      values?: Record<string, string>;
      invitation?: {
        email: string;
        role: string;
        url: string;
        expiresAt: string;
        delivery: InvitationDelivery;
      };
    }
  | undefined;

/**
 * Invite by email with a role; the page says whether the invitation was emailed, and the link appears
 * below to copy either way (to hand on when there is no mail server, or it failed).
 */
export function InviteMemberForm({
  action,
}: {
  action: (state: InvitationFormState, data: FormData) => Promise<InvitationFormState>;
}) {
  const [state, formAction] = useActionState(action, undefined);
  const invitation = state?.invitation;
  return (
    <div className="flex flex-col gap-4">
      {invitation ? (
        <div className="flex flex-col gap-3 rounded-xl border-2 border-ledger-600 bg-ledger-50 p-4">
          <p role="status">
            {invitationSentence({ ...invitation, expiresAt: new Date(invitation.expiresAt) })}
          </p>
          <CopyLink label="Invitation link" url={invitation.url} />
        </div>
      ) : null}
      <form action={formAction} noValidate className="flex flex-col gap-4">
        <FormError state={state} />
        <TextField
          label="Email"
          name="email"
          type="email"
          autoComplete="off"
          defaultValue={invitation ? "" : state?.values?.email}
          isInvalid={state?.field === "email"}
        />
        <label className="flex flex-col gap-1.5">
          <span className="text-base font-semibold">Role</span>
          <select
            name="role"
            defaultValue={state?.values?.role ?? "STAFF"}
            className="min-h-12 w-full rounded-xl border-2 border-stone-300 bg-white px-3 text-lg"
          >
            {MEMBER_ROLES.map((role) => (
              <option key={role} value={role}>
                {MEMBER_ROLE_LABELS[role]}
              </option>
            ))}
          </select>
        </label>
        <SubmitButton pendingLabel="Creating the link…">Create invitation link</SubmitButton>
      </form>
    </div>
  );
}
