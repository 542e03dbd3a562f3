// How an invitation reaches the invitee and what the page says about it. Client components read this
// file too: it imports nothing that needs the server.

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

const DATE = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: "UTC" });

/** "1 December 2026": how invitation pages and emails give the last day a link works. */
export function formatInvitationDate(date: Date): string {
  return DATE.format(date);
}

/** What the members page says about an invitation it just made (the link is shown below it). */
export function invitationSentence({
  email,
  role,
  expiresAt,
  delivery,
}: {
  email: string;
  role: string;
  expiresAt: Date;
  delivery: InvitationDelivery;
}): string {
  const terms = `It lets them join as ${role}, once, until ${formatInvitationDate(expiresAt)}.`;
  if (delivery === "emailed") return `We emailed the invitation to ${email}. ${terms}`;
  if (delivery === "email-failed") {
    return `We could not email the invitation to ${email}: send them this link. ${terms}`;
  }
  return `Send this link to ${email}. ${terms}`;
}
