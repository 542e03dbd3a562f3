import "server-only";
import type { Db } from "@/lib/db/client";
import { type MailConfig, MailError, sendMail } from "@/lib/mail/send-mail";
import { decryptSigningKey } from "@/lib/organizations";
import { liftEmail } from "./lift-email";
import { noticeEmail } from "./notice-email";
import { plainEmail } from "./plain-email";
import type { NoticeMessage } from "./queue";
import { postWebhook } from "./webhook";

export type Delivery = { id: string; organizationId: string; message: NoticeMessage };

/**
 * Sends one notice and resolves once it is delivered — with a remark worth keeping, if any (e.g. a
 * recipient the mail server refused while it took the others) — or throws why not.
 */
export type Transport = {
  name: "webhook" | "email" | "log";
  send(delivery: Delivery): Promise<string | undefined>;
};

/** A failure that another attempt cannot fix: the notice is marked failed at once. */
export class PermanentDeliveryError extends Error {}

/**
 * How a notice reaches an organisation — the one place this is decided:
 * 1. its webhook, when its admin has configured one (a system of theirs acts on it);
 * 2. else email to its admins and staff, when the notifier has SMTP_URL;
 * 3. else the notifier's log, so that a LotLedger with nothing configured still shows every notice.
 */
export async function transportFor(
  db: Db,
  {
    organizationId,
    masterKey,
    mail,
    log,
  }: {
    organizationId: string;
    masterKey: string;
    mail?: MailConfig;
    log: (line: string) => void;
  },
): Promise<Transport> {
  const endpoint = await db.webhookEndpoint.findUnique({ where: { organizationId } });
  if (endpoint) {
    const secret = decryptSigningKey(endpoint.encryptedSecret, masterKey);
    return {
      name: "webhook",
      async send({ id, message }) {
        await postWebhook({
          url: endpoint.url,
          secret,
          body: JSON.stringify(message),
          deliveryId: id,
        });
        return undefined;
      },
    };
  }
  if (mail) return { name: "email", send: (delivery) => emailNotice(db, mail, delivery) };
  return {
    name: "log",
    async send({ message }) {
      if (message.type === "coldchain.excursion") {
        log(
          `notifier: notice for ${message.recipient.name} (GLN ${message.recipient.gln}): ${message.subject}; ${message.url}`,
        );
        return undefined;
      }
      const what =
        message.type === "recall.lifted"
          ? `the recall of lot ${message.product.lotCode} of GTIN ${message.product.gtin} was lifted, ${message.liftedBy.name} says ${JSON.stringify(message.reason)}`
          : `${message.type === "recall.reminder" ? "reminder, " : ""}${message.recallClass} recall of lot ${message.product.lotCode} of GTIN ${message.product.gtin}`;
      log(
        `notifier: recall notice for ${message.recipient.name} (GLN ${message.recipient.gln}): ${what}; ${message.url}`,
      );
      return undefined;
    },
  };
}

function emailOf(id: string, message: NoticeMessage) {
  if (message.type === "recall.lifted") return liftEmail(id, message);
  if (message.type === "coldchain.excursion") return plainEmail(id, message);
  return noticeEmail(id, message);
}

/**
 * Emails a notice to the admins and staff of the organisation it addresses (read-only viewers act on
 * nothing, and people removed from it are out of it), as one message so that a retry resends one
 * message. Resolves with a remark when the server refused some of them but took the others.
 */
async function emailNotice(
  db: Db,
  mail: MailConfig,
  { id, organizationId, message }: Delivery,
): Promise<string | undefined> {
  const people = await db.user.findMany({
    where: { organizationId, role: { in: ["ADMIN", "STAFF"] } },
    select: { email: true },
    orderBy: { email: "asc" },
  });
  if (people.length === 0) {
    // Not permanent: an invited admin may join before the last attempt.
    throw new Error(`${message.recipient.name} has no admin or staff member to email.`);
  }
  try {
    const { refused } = await sendMail(mail, {
      ...emailOf(id, message),
      to: people.map((person) => person.email),
    });
    return refused.length > 0 ? `Not accepted for ${refused.join("; ")}` : undefined;
  } catch (error) {
    if (error instanceof MailError && error.isPermanent) {
      throw new PermanentDeliveryError(error.message);
    }
    throw error;
  }
}
