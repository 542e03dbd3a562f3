import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { recordAudit } from "@/lib/audit";
import type { Member } from "@/lib/auth/session";
import type { Db, Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/input";
import { inviteMemberInput, operatorInvitationInput } from "./input";
import type { InvitationDelivery, InvitationTransport } from "./invitation-message";
import {
  assertOrganizationAdmin,
  MANAGE_PEOPLE,
  MEMBER_ROLE_LABELS,
  type MemberRole,
} from "./roles";

/** How long an invitation link works. */
export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * A new invitation token (256 random bits) and the hash stored in its place: the database never holds
 * a usable link, so a leaked backup or a read-only database account cannot join an organisation.
 */
export function newInvitationToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashInvitationToken(token) };
}

export function hashInvitationToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function invitationUrl(appUrl: string, token: string): string {
  return new URL(`/invitations/${token}`, appUrl).href;
}

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

/**
 * An admin invites someone by email with a role; the link goes to `transport`, and back to show with
 * how it went out.
 */
export async function inviteMember({
  db,
  member,
  input,
  appUrl,
  transport,
}: {
  db: Db;
  member: Member;
  input: { email: string; role: string };
  appUrl: string;
  transport: InvitationTransport;
}): Promise<{
  email: string;
  role: string;
  url: string;
  expiresAt: Date;
  delivery: InvitationDelivery;
}> {
  assertOrganizationAdmin(member, MANAGE_PEOPLE);
  const { email, role } = parseInput(inviteMemberInput, input);
  const invitation = await db.$transaction(async (tx) => {
    const created = await createInvitation(tx, {
      organizationId: member.organization.id,
      organizationName: member.organization.name,
      email,
      role,
      invitedById: member.userId,
    });
    await recordAudit(tx, member, {
      action: "CHANGED_MEMBERS",
      summary: `Invited ${email} as ${MEMBER_ROLE_LABELS[role].toLowerCase()}`,
    });
    return created;
  });
  const message = {
    email,
    organizationName: member.organization.name,
    role: MEMBER_ROLE_LABELS[role],
    url: invitationUrl(appUrl, invitation.token),
    expiresAt: invitation.expiresAt,
  };
  return { ...message, delivery: await transport.send(message) };
}

/**
 * The operator invites someone into an organisation named by its GLN, without being a member: how an
 * organisation whose admins all left, or whose first admin's link expired, gets an admin again.
 */
export async function inviteByOperator({
  db,
  input,
}: {
  db: Db;
  input: { gln: string; email: string; role: string };
}): Promise<CreatedInvitation & { organizationName: string }> {
  const { gln, email, role } = parseInput(operatorInvitationInput, input);
  const organization = await db.organization.findUnique({
    where: { gln },
    select: { id: true, name: true },
  });
  if (!organization) {
    throw new AppError(
      "NOT_FOUND",
      `No organisation is registered with GLN ${gln}: check the number, or create it with \`org create\`.`,
    );
  }
  const invitation = await db.$transaction((tx) =>
    createInvitation(tx, {
      organizationId: organization.id,
      organizationName: organization.name,
      email,
      role,
      invitedById: null,
    }),
  );
  return { ...invitation, organizationName: organization.name };
}

/** An admin withdraws an invitation that was not accepted yet: its link stops working. */
export async function revokeInvitation({
  db,
  member,
  invitationId,
}: {
  db: Db;
  member: Member;
  invitationId: string;
}): Promise<void> {
  assertOrganizationAdmin(member, MANAGE_PEOPLE);
  const withdrawn = await db.$transaction(async (tx) => {
    const invitation = await tx.invitation.findFirst({
      where: { id: invitationId, organizationId: member.organization.id, acceptedAt: null },
      select: { email: true },
    });
    const { count } = await tx.invitation.deleteMany({
      where: { id: invitationId, organizationId: member.organization.id, acceptedAt: null },
    });
    if (count === 1 && invitation) {
      const summary = `Withdrew the invitation of ${invitation.email}`;
      await recordAudit(tx, member, { action: "CHANGED_MEMBERS", summary });
    }
    return count;
  });
  if (withdrawn === 0) {
    throw new AppError(
      "NOT_FOUND",
      "This invitation was already accepted or withdrawn: reload the page.",
    );
  }
}
