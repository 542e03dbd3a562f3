import "server-only";
import type { Member } from "@/lib/auth/session";
import type { Db } from "@/lib/db/client";
import { assertAnotherAdminRemains, lockPeople } from "./people-lock";
import { assertOrganizationAdmin, MANAGE_PEOPLE } from "./permissions";

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
    return { userId: person.id, name: person.name };
  });
}
