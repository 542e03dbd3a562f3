import type { PendingInvitation } from "@/lib/organizations/get-people";
import { MEMBER_ROLE_LABELS } from "@/lib/organizations/member-roles";
import type { FormState } from "../forms/form-state";
import { InlineActionForm } from "../forms/inline-action-form";

const DATE = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: "UTC" });

/** Invitations not accepted yet; their links are not shown again (only their hashes are stored). */
export function InvitationList({
  invitations,
  revoke,
}: {
  invitations: PendingInvitation[];
  revoke: (invitationId: string) => Promise<FormState>;
}) {
  if (invitations.length === 0) return null;
  return (
    <section className="flex flex-col gap-3">
      <h2 className="text-xl font-semibold">Waiting to be accepted</h2>
      <ul className="flex flex-col gap-3" aria-label="Open invitations">
        {invitations.map((invitation) => (
          <li
            key={invitation.id}
            className="flex flex-col gap-2 rounded-xl border-2 border-stone-200 bg-white p-4"
          >
            <p className="break-all font-semibold">{invitation.email}</p>
            <p className="text-stone-600">
              {MEMBER_ROLE_LABELS[invitation.role]} · valid until{" "}
              {DATE.format(invitation.expiresAt)}
            </p>
            <InlineActionForm
              summary="Withdraw…"
              explanation="The link stops working; you can invite again at any time."
              buttonLabel={`Withdraw the invitation of ${invitation.email}`}
              pendingLabel="Withdrawing…"
              action={revoke.bind(null, invitation.id)}
            />
          </li>
        ))}
      </ul>
    </section>
  );
}
