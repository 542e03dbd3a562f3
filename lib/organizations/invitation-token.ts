import { createHash, randomBytes } from "node:crypto";

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
