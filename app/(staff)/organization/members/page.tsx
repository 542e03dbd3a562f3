import type { Metadata } from "next";
import Link from "next/link";
import { FormError } from "@/components/forms/form-error";
import { InviteMemberForm } from "@/components/organization/invite-member-form";
import { InvitationList, MemberList } from "@/components/organization/people";
import { requireMember } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import {
  adminOnlyMessage,
  getPeople,
  isOrganizationAdmin,
  MANAGE_PEOPLE,
} from "@/lib/organizations";
import {
  changeMemberRoleAction,
  inviteMemberAction,
  removeMemberAction,
  revokeInvitationAction,
} from "./actions";

export const metadata: Metadata = { title: "Members" };

export default async function MembersPage() {
  const member = await requireMember();
  const heading = <h1 className="text-2xl font-bold">Members of {member.organization.name}</h1>;
  if (!isOrganizationAdmin(member)) {
    return (
      <>
        {heading}
        <FormError state={{ message: adminOnlyMessage(member, MANAGE_PEOPLE) }} />
        <Link href="/organization" className="text-lg underline">
          Back to your organisation
        </Link>
      </>
    );
  }
  const { members, invitations } = await getPeople({ db: getDb(), member });
  return (
    <>
      {heading}
      <MemberList
        members={members}
        currentUserId={member.userId}
        changeRole={changeMemberRoleAction}
        remove={removeMemberAction}
      />
      <section className="flex flex-col gap-3">
        <h2 className="text-xl font-semibold">Invite someone</h2>
        <InviteMemberForm action={inviteMemberAction} />
      </section>
      <InvitationList invitations={invitations} revoke={revokeInvitationAction} />
    </>
  );
}
