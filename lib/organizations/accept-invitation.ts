import "server-only";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { hashInvitationToken } from "./invitation-token";
import { createMemberAccount } from "./member-account";
import type { MemberRole } from "./member-roles";
import { parsePassword, parsePersonName } from "./parse-person";

export const acceptInvitationInput = z.object({ name: z.string(), password: z.string() });

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
  input: z.infer<typeof acceptInvitationInput>;
  now?: Date;
}): Promise<{ email: string; userId: string }> {
  const invitation = await getOpenInvitation({ db, token, now });
  const name = parsePersonName(input.name);
  const password = parsePassword(input.password);
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
    return { email: invitation.email, userId };
  });
}

function alreadyUsed(): AppError {
  return new AppError(
    "CONFLICT",
    "This invitation has already been used: sign in, or ask an admin of your organisation for a new one.",
  );
}
