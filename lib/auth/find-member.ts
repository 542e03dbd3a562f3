import "server-only";
import type { Db } from "@/lib/db/client";
import type { Member } from "./session";

/** A user as a member of their organisation, or null when they belong to none (e.g. removed). */
export async function findMember(db: Db, userId: string): Promise<Member | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      organization: { select: { id: true, name: true, kind: true, gln: true, chainAddress: true } },
    },
  });
  if (!user?.organization) return null;
  return {
    userId: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    organization: user.organization,
  };
}
