import "server-only";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { parseGln } from "@/lib/gs1/keys";
import { type CreatedInvitation, createInvitation } from "./create-invitation";
import { parseEmail, parseMemberRole } from "./parse-person";

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
  const gln = parseGln(input.gln);
  const email = parseEmail(input.email);
  const role = parseMemberRole(input.role);
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
