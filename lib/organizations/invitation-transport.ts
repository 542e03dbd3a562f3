/** What an invitation's message carries. `url` is the only copy of the token anywhere. */
export type InvitationMessage = {
  email: string;
  organizationName: string;
  role: string;
  url: string;
  expiresAt: Date;
};

/**
 * How the invitation went out, for the page to say: emailed to the invitee, a link for the admin to
 * hand on (email is off), or that link because emailing it failed.
 */
export type InvitationDelivery = "emailed" | "link" | "email-failed";

/**
 * How an invitation reaches the invitee: by email when SMTP_URL is set (invitation-email.ts chooses),
 * otherwise the admin copies the link from the page and the log keeps a line. Either way the link is
 * shown to the admin, so a failed email loses nothing.
 */
export interface InvitationTransport {
  send(message: InvitationMessage): Promise<InvitationDelivery>;
}

/** Writes one line to the server log. The link is a credential until used or expired: guard the log. */
export const logInvitationTransport: InvitationTransport = {
  async send({ email, organizationName, role, url, expiresAt }) {
    console.log(
      `[invitations] ${email} is invited to ${organizationName} as ${role} until ${expiresAt.toISOString()}: ${url}`,
    );
    return "link";
  },
};
