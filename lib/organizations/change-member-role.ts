import "server-only";
import { z } from "zod";
import type { Member } from "@/lib/auth/session";
import type { Db } from "@/lib/db/client";
import { parseMemberRole } from "./parse-person";
import { assertAnotherAdminRemains, lockPeople } from "./people-lock";
import { assertOrganizationAdmin, MANAGE_PEOPLE } from "./permissions";

export const changeMemberRoleInput = z.object({ userId: z.string(), role: z.string() });

/** An admin gives a member of their organisation another role; the last admin stays an admin. */
export async function changeMemberRole({
  db,
  member,
  input,
}: {
  db: Db;
  member: Member;
  input: z.infer<typeof changeMemberRoleInput>;
}): Promise<{ userId: string; role: string }> {
  assertOrganizationAdmin(member, MANAGE_PEOPLE);
  const role = parseMemberRole(input.role);
  return db.$transaction(async (tx) => {
    const person = await lockPeople(tx, member, input.userId);
    if (person.role === "ADMIN" && role !== "ADMIN") {
      await assertAnotherAdminRemains(tx, member, person.id);
    }
    await tx.user.update({ where: { id: person.id }, data: { role } });
    return { userId: person.id, role };
  });
}
