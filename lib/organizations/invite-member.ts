import "server-only";
import { z } from "zod";
import type { Member } from "@/lib/auth/session";
import type { Db } from "@/lib/db/client";
import { createInvitation } from "./create-invitation";
import { invitationUrl } from "./invitation-token";
import type { InvitationDelivery, InvitationTransport } from "./invitation-transport";
import { MEMBER_ROLE_LABELS } from "./member-roles";
import { parseEmail, parseMemberRole } from "./parse-person";
import { assertOrganizationAdmin, MANAGE_PEOPLE } from "./permissions";

export const inviteMemberInput = z.object({ email: z.string(), role: z.string() });

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
  input: z.infer<typeof inviteMemberInput>;
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
  const email = parseEmail(input.email);
  const role = parseMemberRole(input.role);
  const invitation = await db.$transaction((tx) =>
    createInvitation(tx, {
      organizationId: member.organization.id,
      organizationName: member.organization.name,
      email,
      role,
      invitedById: member.userId,
    }),
  );
  const message = {
    email,
    organizationName: member.organization.name,
    role: MEMBER_ROLE_LABELS[role],
    url: invitationUrl(appUrl, invitation.token),
    expiresAt: invitation.expiresAt,
  };
  return { ...message, delivery: await transport.send(message) };
}
