import "server-only";
import { renderFragment } from "@/components/public";
import { type MailConfig, mailConfigOf, sendMail } from "@/lib/mail/send-mail";
import {
  formatInvitationDate,
  type InvitationMessage,
  type InvitationTransport,
  logInvitationTransport,
} from "./invitation-message";

/** Email when SMTP_URL and MAIL_FROM are set, otherwise the log (and the link on the page). */
export function invitationTransportFor(env: {
  SMTP_URL?: string;
  MAIL_FROM?: string;
}): InvitationTransport {
  const mail = mailConfigOf(env);
  return mail ? emailInvitationTransport(mail) : logInvitationTransport;
}

/**
 * Emails the invitation link to the invitee. A failure is logged (without the link, a credential) and
 * reported as "email-failed": the admin sees the link on the page and hands it on, and the
 * invitation stays valid, so nothing is retried here.
 */
export function emailInvitationTransport(
  mail: MailConfig,
  log: (line: string) => void = console.error,
): InvitationTransport {
  return {
    async send(message) {
      try {
        await sendMail(mail, { to: [message.email], ...invitationEmail(message) });
        return "emailed";
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        log(`[invitations] could not email the invitation to ${message.email}: ${reason}`);
        return "email-failed";
      }
    },
  };
}

function invitationEmail({ organizationName, role, url, expiresAt }: InvitationMessage) {
  const invited = `${organizationName} invites you to LotLedger as ${role}.`;
  const open = "Open this link to choose your password and sign in:";
  const terms = `The link works once, until ${formatInvitationDate(expiresAt)}. If you did not expect this invitation, ignore this email.`;
  return {
    subject: `Join ${organizationName} on LotLedger`,
    text: [invited, "", open, url, "", terms, ""].join("\n"),
    html: renderFragment(
      <>
        <p>{invited}</p>
        <p>
          {open}
          <br />
          <a href={url}>{url}</a>
        </p>
        <p>{terms}</p>
      </>,
    ),
  };
}
