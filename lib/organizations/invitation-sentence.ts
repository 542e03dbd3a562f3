import type { InvitationDelivery } from "./invitation-transport";

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
