import "server-only";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { encryptSigningKey } from "@/lib/organizations";

/** What only an organisation's admin may do ("Only an admin of … can …"). */
export const SET_WEBHOOK = "set where its recall notices go";

const webhookUrl = z.url({
  protocol: /^https?$/,
  error: "Enter the full address the notices go to, starting with https://.",
});

/**
 * Sets where the organisation's recall notices are POSTed, with a new signing secret, and returns the
 * secret: it is shown once, to be configured at the receiver, and kept encrypted (AES-256-GCM under
 * MASTER_KEY, as organisations' signing keys are).
 */
export async function setWebhookEndpoint({
  db,
  organizationId,
  url,
  masterKey,
}: {
  db: Db;
  organizationId: string;
  url: string;
  masterKey: string;
}): Promise<{ url: string; secret: string }> {
  const parsed = webhookUrl.safeParse(url.trim());
  if (!parsed.success) {
    throw new AppError("INVALID_INPUT", parsed.error.issues[0]?.message ?? "Enter a URL.", {
      field: "url",
    });
  }
  const secret = `whsec_${randomBytes(24).toString("base64url")}`;
  const encryptedSecret = encryptSigningKey(secret, masterKey);
  await db.webhookEndpoint.upsert({
    where: { organizationId },
    create: { organizationId, url: parsed.data, encryptedSecret },
    update: { url: parsed.data, encryptedSecret },
  });
  return { url: parsed.data, secret };
}

/** Stops webhook delivery for the organisation: its notices go to the notifier's log again. */
export async function removeWebhookEndpoint({
  db,
  organizationId,
}: {
  db: Db;
  organizationId: string;
}) {
  await db.webhookEndpoint.deleteMany({ where: { organizationId } });
}

/** Where the organisation's notices go now, if anywhere (the secret is never shown again). */
export async function getWebhookEndpoint({
  db,
  organizationId,
}: {
  db: Db;
  organizationId: string;
}) {
  return db.webhookEndpoint.findUnique({
    where: { organizationId },
    select: { url: true, updatedAt: true },
  });
}
