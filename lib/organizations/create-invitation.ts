import "server-only";
import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { INVITATION_TTL_MS, newInvitationToken } from "./invitation-token";
import type { MemberRole } from "./member-roles";

export type CreatedInvitation = { token: string; email: string; role: MemberRole; expiresAt: Date };

/**
 * A single-use invitation to `organizationId`, valid for 7 days, in the caller's transaction. Only
 * the token's hash is stored; the token goes back to the caller once, to become a link. An earlier
 * unused invitation of the same person to the same organisation stops working: the newest link counts.
 */
export async function createInvitation(
  tx: Tx,
  invitation: {
    organizationId: string;
    organizationName: string;
    email: string;
    role: MemberRole;
    invitedById: string | null;
    now?: Date;
  },
): Promise<CreatedInvitation> {
  const { organizationId, email, role } = invitation;
  await assertInvitable(tx, invitation);
  await tx.invitation.deleteMany({ where: { organizationId, email, acceptedAt: null } });
  const { token, tokenHash } = newInvitationToken();
  const expiresAt = new Date((invitation.now ?? new Date()).getTime() + INVITATION_TTL_MS);
  await tx.invitation.create({
    data: {
      organizationId,
      email,
      role,
      tokenHash,
      expiresAt,
      invitedById: invitation.invitedById,
    },
  });
  return { token, email, role, expiresAt };
}

/** Refuses to invite someone who already belongs to an organisation (one organisation per person). */
export async function assertInvitable(
  db: Pick<Tx, "user">,
  {
    organizationId,
    organizationName,
    email,
  }: { organizationId: string | null; organizationName: string; email: string },
): Promise<void> {
  const user = await db.user.findUnique({ where: { email }, select: { organizationId: true } });
  if (user?.organizationId && user.organizationId === organizationId) {
    throw new AppError(
      "CONFLICT",
      `${email} is already a member of ${organizationName}: change their role instead.`,
      { field: "email" },
    );
  }
  if (user?.organizationId) {
    throw new AppError(
      "CONFLICT",
      `${email} already belongs to another organisation in LotLedger: invite another email address.`,
      { field: "email" },
    );
  }
}
