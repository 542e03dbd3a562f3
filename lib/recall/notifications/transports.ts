import "server-only";
import type { Db } from "@/lib/db/client";
import { decryptSigningKey } from "@/lib/organizations/signing-key";
import type { RecallNoticeMessage } from "./queue-notices";
import { postWebhook } from "./webhook";

export type Delivery = { id: string; organizationId: string; message: RecallNoticeMessage };

/** Sends one notice and resolves once it is delivered, or throws why not. */
export type Transport = { name: "webhook" | "log"; send(delivery: Delivery): Promise<void> };

/**
 * How a notice reaches an organisation: its webhook when it has configured one, otherwise the
 * notifier's log, so that a LotLedger with nothing configured still shows every notice it would send.
 */
export async function transportFor(
  db: Db,
  {
    organizationId,
    masterKey,
    log,
  }: { organizationId: string; masterKey: string; log: (line: string) => void },
): Promise<Transport> {
  const endpoint = await db.webhookEndpoint.findUnique({ where: { organizationId } });
  if (endpoint) {
    const secret = decryptSigningKey(endpoint.encryptedSecret, masterKey);
    return {
      name: "webhook",
      send: ({ id, message }) =>
        postWebhook({ url: endpoint.url, secret, body: JSON.stringify(message), deliveryId: id }),
    };
  }
  return {
    name: "log",
    async send({ message }) {
      log(
        `notifier: recall notice for ${message.recipient.name} (GLN ${message.recipient.gln}): ${message.recallClass} recall of lot ${message.product.lotCode} of GTIN ${message.product.gtin}; ${message.url}`,
      );
    },
  };
}
