import "server-only";
import { recordAudit } from "@/lib/audit";
import type { Member } from "@/lib/auth/session";
import type { Db, Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/input";
import { changeMemberRoleInput } from "./input";
import {
  assertOrganizationAdmin,
  MANAGE_PEOPLE,
  MEMBER_ROLE_LABELS,
  type MemberRole,
} from "./roles";

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

/** An admin gives a member of their organisation another role; the last admin stays an admin. */
export async function changeMemberRole({
  db,
  member,
  input,
}: {
  db: Db;
  member: Member;
  input: { userId: string; role: string };
}): Promise<{ userId: string; role: string }> {
  assertOrganizationAdmin(member, MANAGE_PEOPLE);
  const { userId, role } = parseInput(changeMemberRoleInput, input);
  return db.$transaction(async (tx) => {
    const person = await lockPeople(tx, member, userId);
    if (person.role === "ADMIN" && role !== "ADMIN") {
      await assertAnotherAdminRemains(tx, member, person.id);
    }
    await tx.user.update({ where: { id: person.id }, data: { role } });
    await recordAudit(tx, member, {
      action: "CHANGED_MEMBERS",
      summary: `Made ${person.name} ${MEMBER_ROLE_LABELS[role].toLowerCase()} (was ${MEMBER_ROLE_LABELS[person.role].toLowerCase()})`,
      subjectId: person.id,
    });
    return { userId: person.id, role };
  });
}

/**
 * An admin removes someone from their organisation: the person's sessions end at once and their
 * password stops working. The user row stays, out of any organisation, so the name remains on what
 * they recorded; inviting the same email again gives them a fresh account.
 */
export async function removeMember({
  db,
  member,
  userId,
}: {
  db: Db;
  member: Member;
  userId: string;
}): Promise<{ userId: string; name: string }> {
  assertOrganizationAdmin(member, MANAGE_PEOPLE);
  return db.$transaction(async (tx) => {
    const person = await lockPeople(tx, member, userId);
    if (person.role === "ADMIN") await assertAnotherAdminRemains(tx, member, person.id);
    await tx.session.deleteMany({ where: { userId: person.id } });
    await tx.account.deleteMany({ where: { userId: person.id } });
    await tx.user.update({
      where: { id: person.id },
      data: { organizationId: null, role: "READ_ONLY" },
    });
    await recordAudit(tx, member, {
      action: "CHANGED_MEMBERS",
      summary: `Removed ${person.name} from ${member.organization.name}`,
      subjectId: person.id,
    });
    return { userId: person.id, name: person.name };
  });
}

/**
 * Serialises changes to one organisation's people (a row lock on the organisation), then re-reads
 * the admin and the person concerned. Without the lock two admins demoting each other at the same
 * moment would both see "another admin remains" and leave the organisation with none.
 */
async function lockPeople(
  tx: Tx,
  admin: Member,
  userId: string,
): Promise<{ id: string; name: string; role: MemberRole }> {
  const organizationId = admin.organization.id;
  await tx.$queryRaw`SELECT id FROM "Organization" WHERE id = ${organizationId} FOR UPDATE`;
  const current = await tx.user.findFirst({
    where: { id: admin.userId, organizationId },
    select: { role: true },
  });
  assertOrganizationAdmin({ ...admin, role: current?.role ?? "NONE" }, MANAGE_PEOPLE);
  const person = await tx.user.findFirst({
    where: { id: userId, organizationId },
    select: { id: true, name: true, role: true },
  });
  if (!person) {
    throw new AppError(
      "NOT_FOUND",
      `This person is not a member of ${admin.organization.name}: reload the page.`,
    );
  }
  return person;
}

/** Refuses a change that would leave the organisation without an admin. */
async function assertAnotherAdminRemains(tx: Tx, admin: Member, userId: string) {
  const others = await tx.user.count({
    where: { organizationId: admin.organization.id, role: "ADMIN", id: { not: userId } },
  });
  if (others === 0) {
    throw new AppError(
      "CONFLICT",
      `${admin.organization.name} must keep at least one admin: make another member an admin first.`,
    );
  }
}
