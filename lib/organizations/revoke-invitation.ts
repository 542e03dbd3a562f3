import "server-only";
import type { Member } from "@/lib/auth/session";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { assertOrganizationAdmin, MANAGE_PEOPLE } from "./permissions";

/** An admin withdraws an invitation that was not accepted yet: its link stops working. */
export async function revokeInvitation({
  db,
  member,
  invitationId,
}: {
  db: Db;
  member: Member;
  invitationId: string;
}): Promise<void> {
  assertOrganizationAdmin(member, MANAGE_PEOPLE);
  const { count } = await db.invitation.deleteMany({
    where: { id: invitationId, organizationId: member.organization.id, acceptedAt: null },
  });
  if (count === 0) {
    throw new AppError(
      "NOT_FOUND",
      "This invitation was already accepted or withdrawn: reload the page.",
    );
  }
}
