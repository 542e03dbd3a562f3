import "server-only";
import nodemailer from "nodemailer";

/** Where LotLedger's email goes out: SMTP_URL and MAIL_FROM (validated in lib/env.ts). */
export type MailConfig = { smtpUrl: string; from: string };

/** The mail configuration, or undefined when SMTP_URL is unset and email is off. */
export function mailConfigOf(env: { SMTP_URL?: string; MAIL_FROM?: string }) {
  if (!env.SMTP_URL || !env.MAIL_FROM) return undefined;
  return { smtpUrl: env.SMTP_URL, from: env.MAIL_FROM } satisfies MailConfig;
}

export type OutgoingMail = {
  to: string[];
  subject: string;
  text: string;
  html: string;
  /** The same on every attempt at one message, so a mail client can fold a repeat into one. */
  messageId?: string;
  headers?: Record<string, string>;
};

/**
 * Why a message was not sent. `isPermanent` when the server refused every recipient with a 5xx:
 * trying again sends to the same refusing addresses. Everything else — a 4xx, a server that cannot
 * be reached, a refused login or sender — may pass once the server or the configuration is fixed.
 */
export class MailError extends Error {
  constructor(
    message: string,
    readonly isPermanent: boolean,
  ) {
    super(message);
    this.name = "MailError";
  }
}

type SmtpFailure = Error & {
  code?: string;
  responseCode?: number;
  response?: string;
  recipient?: string;
  rejectedErrors?: SmtpFailure[];
};

// Short of the notifier's 60 s lease on a notice, so one slow server cannot make two workers send it.
const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };

/**
 * Sends one message over SMTP (STARTTLS when the server offers it, TLS from the start with smtps://)
 * and returns the recipients the server refused while accepting others; throws a MailError when it
 * sent nothing. Error messages name the server by host and port, never by its URL with the password.
 */
export async function sendMail(
  config: MailConfig,
  mail: OutgoingMail,
): Promise<{ refused: string[] }> {
  const server = serverName(config.smtpUrl);
  const transport = nodemailer.createTransport({ url: config.smtpUrl, ...TIMEOUTS });
  try {
    const info = await transport.sendMail({ from: config.from, ...mail });
    const refusals = (info.rejectedErrors ?? []) as SmtpFailure[];
    return { refused: refusals.map((r) => `${r.recipient} (${r.response})`) };
  } catch (error) {
    throw toMailError(server, error as SmtpFailure);
  } finally {
    transport.close();
  }
}

function toMailError(server: string, error: SmtpFailure): MailError {
  if (error.code === "EENVELOPE" && error.rejectedErrors?.length) {
    const refusals = error.rejectedErrors;
    const isPermanent = refusals.every((r) => (r.responseCode ?? 0) >= 500);
    const reasons = refusals.map((r) => `${r.recipient} (${r.response})`);
    return new MailError(`${server} refused every recipient: ${reasons.join("; ")}`, isPermanent);
  }
  if (error.response) return new MailError(`${server} answered ${error.response}`, false);
  return new MailError(`${server} could not be reached: ${error.message}`, false);
}

/** "mail.example.com:587": nodemailer's default port when the URL has none. */
function serverName(smtpUrl: string): string {
  const url = new URL(smtpUrl);
  return `${url.hostname}:${url.port || (url.protocol === "smtps:" ? 465 : 587)}`;
}
