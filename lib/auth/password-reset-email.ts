import "server-only";
import { type MailConfig, sendMail } from "@/lib/mail/send-mail";

/** How long a reset link works: Better Auth's resetPasswordTokenExpiresIn, in seconds. */
export const RESET_LINK_SECONDS = 60 * 60;

/** The link the email carries: the page that asks for the new password, with the one-time token. */
export const resetPasswordUrl = (appUrl: string, token: string) =>
  `${appUrl.replace(/\/$/, "")}/sign-in/reset-password?token=${encodeURIComponent(token)}`;

/** The reset email, plain text and a small HTML twin. */
export function passwordResetMail(to: string, url: string) {
  const text = [
    "Someone (we hope you) asked to choose a new password for your LotLedger account.",
    "",
    `Choose it here within the hour: ${url}`,
    "",
    "If it was not you, ignore this email: your password stays as it is.",
  ].join("\n");
  const html = `<p>Someone (we hope you) asked to choose a new password for your LotLedger account.</p><p><a href="${url}">Choose a new password</a> within the hour.</p><p>If it was not you, ignore this email: your password stays as it is.</p>`;
  return { to: [to], subject: "Choose a new LotLedger password", text, html };
}

/**
 * Sends the reset link by email when SMTP is set, otherwise writes it to the server log, as
 * invitations do. Never awaited by the request: the answer must take as long for an address with no
 * account (no email) as for one with an account (an SMTP round trip), or its timing would tell.
 */
export function deliverPasswordReset(
  mail: MailConfig | undefined,
  to: string,
  url: string,
  log: (line: string) => void = console.log,
): Promise<void> {
  if (!mail) {
    log(`[password-reset] a reset link for ${to}: ${url}`);
    return Promise.resolve();
  }
  return sendMail(mail, passwordResetMail(to, url)).then(
    () => undefined,
    (error: Error) =>
      log(`[password-reset] the reset email to ${to} was not sent: ${error.message}`),
  );
}
