import "server-only";
import { hashPassword } from "better-auth/crypto";
import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { MemberRole } from "./member-roles";

/**
 * A person who can sign in: Better Auth's user and credential account rows (the shapes its Prisma
 * adapter writes, password hashed with its scrypt), in the caller's transaction so that an invitation
 * is used up in the same commit. Someone removed from an organisation keeps their user row (their
 * name stays on what they recorded) and gets a new password and organisation here.
 */
export async function createMemberAccount(
  tx: Tx,
  person: {
    organizationId: string;
    name: string;
    email: string;
    role: MemberRole;
    password: string;
  },
): Promise<{ userId: string }> {
  const existing = await tx.user.findUnique({
    where: { email: person.email },
    select: { id: true, organizationId: true },
  });
  if (existing?.organizationId) {
    throw new AppError(
      "CONFLICT",
      `${person.email} already has a LotLedger account: sign in with it instead.`,
    );
  }
  const data = {
    name: person.name,
    organizationId: person.organizationId,
    role: person.role,
    emailVerified: true, // the invitation link reached this address
  };
  const user = existing
    ? await tx.user.update({ where: { id: existing.id }, data, select: { id: true } })
    : await tx.user.create({
        data: { id: crypto.randomUUID(), email: person.email, ...data },
        select: { id: true },
      });
  await tx.account.create({
    data: {
      id: crypto.randomUUID(),
      accountId: user.id,
      providerId: "credential",
      userId: user.id,
      password: await hashPassword(person.password),
    },
  });
  return { userId: user.id };
}
