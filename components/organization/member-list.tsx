import type { Person } from "@/lib/organizations/get-people";
import { MEMBER_ROLE_LABELS } from "@/lib/organizations/member-roles";
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
