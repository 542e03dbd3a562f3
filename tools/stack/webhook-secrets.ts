import type { Db } from "@/lib/db/client";
import { decryptSigningKey, encryptSigningKey } from "@/lib/organizations";

/**
 * Webhook secrets saved before the web app and the notifier lost MASTER_KEY were sealed with it: start-up,
 * which holds both keys, re-seals them with WEBHOOK_SECRETS_KEY so the notifier can still sign notices.
 * Returns how many it re-sealed; a secret neither key opens is left for the notifier to report.
 */
export async function resealWebhookSecrets({
  db,
  masterKey,
  webhookSecretsKey,
}: {
  db: Db;
  masterKey: string;
  webhookSecretsKey: string;
}): Promise<number> {
  let resealed = 0;
  for (const endpoint of await db.webhookEndpoint.findMany()) {
    if (open(endpoint.encryptedSecret, webhookSecretsKey) !== null) continue;
    const secret = open(endpoint.encryptedSecret, masterKey);
    if (secret === null) continue;
    await db.webhookEndpoint.update({
      where: { organizationId: endpoint.organizationId },
      data: { encryptedSecret: encryptSigningKey(secret, webhookSecretsKey) },
    });
    resealed += 1;
  }
  return resealed;
}

function open(sealed: string, key: string): string | null {
  try {
    return decryptSigningKey(sealed, key);
  } catch {
    return null;
  }
}
