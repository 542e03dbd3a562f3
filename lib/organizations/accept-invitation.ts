import "server-only";
import { hashPassword } from "better-auth/crypto";
import { recordAudit } from "@/lib/audit";
import type { Db, Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/input";
import { acceptInvitationInput } from "./input";
import { hashInvitationToken } from "./invitations";
import { MEMBER_ROLE_LABELS, type MemberRole } from "./roles";

export type OpenInvitation = {
  id: string;
  email: string;
  role: MemberRole;
  expiresAt: Date;
  organization: { id: string; name: string };
};

/** The invitation behind a link, if it can still be accepted; otherwise one sentence saying why not. */
export async function getOpenInvitation({
  db,
  token,
  now = new Date(),
}: {
  db: Db;
  token: string;
  now?: Date;
}): Promise<OpenInvitation> {
  const invitation = await db.invitation.findUnique({
    where: { tokenHash: hashInvitationToken(token) },
    select: {
      id: true,
      email: true,
      role: true,
      expiresAt: true,
      acceptedAt: true,
      organization: { select: { id: true, name: true } },
    },
  });
  if (!invitation) {
    throw new AppError(
      "NOT_FOUND",
      "This invitation link is not valid: ask an admin of your organisation for a new one.",
    );
  }
  if (invitation.acceptedAt) throw alreadyUsed();
  if (invitation.expiresAt <= now) {
    throw new AppError(
      "NOT_FOUND",
      "This invitation has expired: ask an admin of your organisation for a new one.",
    );
  }
  const { acceptedAt: _, ...open } = invitation;
  return open;
}

/**
 * Accepts an invitation: creates the person's account in the organisation with the invited role and
 * uses the invitation up, in one transaction. The conditional update is what makes a link single
 * use when two people open it at once: only one of them changes the row.
 */
export async function acceptInvitation({
  db,
  token,
  input,
  now = new Date(),
}: {
  db: Db;
  token: string;
  input: { name: string; password: string };
  now?: Date;
}): Promise<{ email: string; userId: string }> {
  const invitation = await getOpenInvitation({ db, token, now });
  const { name, password } = parseInput(acceptInvitationInput, input);
  return db.$transaction(async (tx) => {
    const { count } = await tx.invitation.updateMany({
      where: { id: invitation.id, acceptedAt: null, expiresAt: { gt: now } },
      data: { acceptedAt: now },
    });
    if (count !== 1) throw alreadyUsed();
    const { userId } = await createMemberAccount(tx, {
      organizationId: invitation.organization.id,
      name,
      email: invitation.email,
      role: invitation.role,
      password,
    });
    await tx.invitation.update({ where: { id: invitation.id }, data: { acceptedById: userId } });
    const joined = { userId, name, organization: invitation.organization };
    const summary = `Accepted the invitation of ${invitation.email} and joined as ${MEMBER_ROLE_LABELS[invitation.role].toLowerCase()}`;
    await recordAudit(tx, joined, { action: "CHANGED_MEMBERS", summary, subjectId: userId });
    return { email: invitation.email, userId };
  });
}

function alreadyUsed(): AppError {
  return new AppError(
    "CONFLICT",
    "This invitation has already been used: sign in, or ask an admin of your organisation for a new one.",
  );
}

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
