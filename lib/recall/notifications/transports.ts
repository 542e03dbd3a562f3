import "server-only";
import type { Db } from "@/lib/db/client";
import type { MailConfig } from "@/lib/mail/send-mail";
import { decryptSigningKey } from "@/lib/organizations";
import { emailNotice } from "./email";
import type { NoticeMessage } from "./queue-notices";
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
      const what =
        message.type === "recall.lifted"
          ? `the recall of lot ${message.product.lotCode} of GTIN ${message.product.gtin} was lifted: ${message.reason}`
          : `${message.recallClass} recall of lot ${message.product.lotCode} of GTIN ${message.product.gtin}`;
      log(
        `notifier: recall notice for ${message.recipient.name} (GLN ${message.recipient.gln}): ${what}; ${message.url}`,
      );
      return undefined;
    },
  };
}
