"use client";

import { useActionState } from "react";
import { MEMBER_ROLE_LABELS, MEMBER_ROLES } from "@/lib/organizations/member-roles";
import { CopyLink } from "./copy-link";
import { FormError } from "./form-error";
import { SubmitButton } from "./submit-button";
import { TextField } from "./text-field";

export type InvitationFormState =
  | {
      message?: string;
      field?: string;
      values?: Record<string, string>;
      invitation?: { email: string; role: string; url: string; expiresAt: string };
    }
  | undefined;

const DATE = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: "UTC" });

/** Invite by email with a role; the link appears below to copy (there is no mail server). */
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
            Send this link to {invitation.email}. It lets them join as {invitation.role}, once,
            until {DATE.format(new Date(invitation.expiresAt))}.
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
