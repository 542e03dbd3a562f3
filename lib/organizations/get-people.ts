import "server-only";
import type { Member } from "@/lib/auth/session";
import type { Db } from "@/lib/db/client";
import type { MemberRole } from "./member-roles";

export type Person = { userId: string; name: string; email: string; role: MemberRole };
export type PendingInvitation = { id: string; email: string; role: MemberRole; expiresAt: Date };

/** An organisation's members and its invitations still waiting to be accepted, for its admins. */
export async function getPeople({
  db,
  member,
  now = new Date(),
}: {
  db: Db;
  member: Member;
  now?: Date;
}): Promise<{ members: Person[]; invitations: PendingInvitation[] }> {
  const organizationId = member.organization.id;
  const [users, invitations] = await Promise.all([
    db.user.findMany({
      where: { organizationId },
      orderBy: [{ name: "asc" }, { email: "asc" }],
      select: { id: true, name: true, email: true, role: true },
    }),
    db.invitation.findMany({
      where: { organizationId, acceptedAt: null, expiresAt: { gt: now } },
      orderBy: { createdAt: "desc" },
      select: { id: true, email: true, role: true, expiresAt: true },
    }),
  ]);
  return {
    members: users.map(({ id, ...user }) => ({ userId: id, ...user })),
    invitations,
  };
}
