/** What an invitation's message carries. `url` is the only copy of the token anywhere. */
export type InvitationMessage = {
  email: string;
  organizationName: string;
  role: string;
  url: string;
  expiresAt: Date;
};

/**
 * How an invitation reaches the invitee. There is no mail server in the embedded default, so the
 * admin copies the link from the page and the log keeps a line; an SMTP or mail-API transport
 * implements this interface and is passed to inviteMember instead of `logInvitationTransport`.
 */
export interface InvitationTransport {
  send(message: InvitationMessage): Promise<void>;
}

/** Writes one line to the server log. The link is a credential until used or expired: guard the log. */
export const logInvitationTransport: InvitationTransport = {
  async send({ email, organizationName, role, url, expiresAt }) {
    console.log(
      `[invitations] ${email} is invited to ${organizationName} as ${role} until ${expiresAt.toISOString()}: ${url}`,
    );
  },
};
