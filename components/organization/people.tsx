import type { PendingInvitation, Person } from "@/lib/organizations";
import { formatInvitationDate } from "@/lib/organizations/invitation-message";
import { MEMBER_ROLE_LABELS } from "@/lib/organizations/roles";
import type { FormState } from "../forms/form-state";
import { InlineActionForm } from "../forms/inline-action-form";
import { MemberRoleForm } from "./member-role-form";

/** An organisation's people, each with their role to change and a way to remove them. */
export function MemberList({
  members,
  currentUserId,
  changeRole,
  remove,
}: {
  members: Person[];
  currentUserId: string;
  changeRole: (userId: string, state: FormState, data: FormData) => Promise<FormState>;
  remove: (userId: string) => Promise<FormState>;
}) {
  return (
    <ul className="flex flex-col gap-3" aria-label="Members">
      {members.map((person) => (
        <li
          key={person.userId}
          className="flex flex-col gap-3 rounded-xl border-2 border-stone-200 bg-white p-4"
        >
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h2 className="text-lg font-semibold">
              {person.name}
              {person.userId === currentUserId ? " (you)" : ""}
            </h2>
            <span className="rounded-full bg-ledger-50 px-3 py-1 text-sm font-medium text-ledger-900">
              {MEMBER_ROLE_LABELS[person.role]}
            </span>
          </div>
          <p className="break-all text-stone-600">{person.email}</p>
          <MemberRoleForm
            name={person.name}
            role={person.role}
            action={changeRole.bind(null, person.userId)}
          />
          <InlineActionForm
            summary={`Remove ${person.name}…`}
            explanation={`${person.name} is signed out at once and can no longer sign in.`}
            buttonLabel={`Remove ${person.name}`}
            pendingLabel="Removing…"
            action={remove.bind(null, person.userId)}
          />
        </li>
      ))}
    </ul>
  );
}

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
              {formatInvitationDate(invitation.expiresAt)}
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
