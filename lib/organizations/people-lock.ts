import "server-only";
import type { Member } from "@/lib/auth/session";
import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { MemberRole } from "./member-roles";
import { assertOrganizationAdmin, MANAGE_PEOPLE } from "./permissions";

/**
 * Serialises changes to one organisation's people (a row lock on the organisation), then re-reads
 * the admin and the person concerned. Without the lock two admins demoting each other at the same
 * moment would both see "another admin remains" and leave the organisation with none.
 */
export async function lockPeople(
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
export async function assertAnotherAdminRemains(tx: Tx, admin: Member, userId: string) {
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
