"use client";

import { useState } from "react";
import {
  type InvitationDelivery,
  invitationSentence,
} from "@/lib/organizations/invitation-message";
import { MEMBER_ROLE_LABELS, MEMBER_ROLES } from "@/lib/organizations/roles";
import { Form } from "../forms/form";
import { SelectField } from "../forms/select-field";
import { SubmitButton } from "../forms/submit-button";
import { TextField } from "../forms/text-field";

export type InvitationFormState =
  | {
      message?: string;
      field?: string;
      fieldErrors?: Record<string, string>;
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
  return (
    <Form action={action} className="flex flex-col gap-4">
      {(state) => {
        const invitation = state?.invitation;
        return (
          <>
            {invitation ? (
              <div className="flex flex-col gap-3 rounded-xl border-2 border-ledger-600 bg-ledger-50 p-4">
                <p role="status">
                  {invitationSentence({ ...invitation, expiresAt: new Date(invitation.expiresAt) })}
                </p>
                <CopyLink label="Invitation link" url={invitation.url} />
              </div>
            ) : null}
            <TextField
              label="Email"
              name="email"
              type="email"
              autoComplete="off"
              autoCapitalize="off"
              required
              missingMessage="Enter the person's email address."
              invalidMessage="That is not an email address: check it, e.g. name@example.com."
            />
            <SelectField
              label="Role"
              name="role"
              defaultValue="STAFF"
              options={MEMBER_ROLES.map((role) => ({
                value: role,
                label: MEMBER_ROLE_LABELS[role],
              }))}
            />
            <SubmitButton pendingLabel="Creating the link…">Create invitation link</SubmitButton>
          </>
        );
      }}
    </Form>
  );
}

/** A link (or key) to hand on: selectable text, and a button that puts it on the clipboard. */
export function CopyLink({
  label,
  url,
  copyLabel = "Copy link",
}: {
  label: string;
  url: string;
  copyLabel?: string;
}) {
  const [isCopied, setIsCopied] = useState(false);
  return (
    <div className="flex flex-col gap-2">
      <label className="flex flex-col gap-1.5">
        <span className="text-base font-semibold">{label}</span>
        <input
          readOnly
          value={url}
          onFocus={(event) => event.currentTarget.select()}
          className="min-h-12 w-full min-w-0 rounded-xl border-2 border-stone-300 bg-white px-3 font-mono text-sm"
        />
      </label>
      <button
        type="button"
        onClick={() =>
          navigator.clipboard.writeText(url).then(
            () => setIsCopied(true),
            () => setIsCopied(false),
          )
        }
        className="min-h-12 rounded-xl bg-ledger-700 px-5 text-lg font-semibold text-white"
      >
        {isCopied ? "Copied" : copyLabel}
      </button>
    </div>
  );
}
