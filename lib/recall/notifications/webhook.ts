import "server-only";
import { createHmac, randomBytes } from "node:crypto";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/input";
import { encryptSigningKey } from "@/lib/organizations";
import {
  type ResolvedAddress,
  resolveWebhookAddress,
  WebhookAddressError,
  webhookOrigin,
} from "./webhook-address";
import { postTo } from "./webhook-request";

/** Header names a receiver checks; documented in the README's recall section. */
export const SIGNATURE_HEADER = "x-lotledger-signature";
export const TIMESTAMP_HEADER = "x-lotledger-timestamp";
export const DELIVERY_HEADER = "x-lotledger-delivery";

/**
 * HMAC-SHA256 over "<timestamp>.<body>" with the endpoint's secret, hex, as "sha256=<hex>". Signing
 * the timestamp too lets a receiver refuse an old message replayed at it.
 */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
}

/**
 * POSTs one notice; resolves when the receiver answered 2xx, else throws with what it answered. The
 * receiver's address is checked (resolveWebhookAddress) and the request connects to that very
 * address. A redirect is not followed (a receiver that moved must be reconfigured, not guessed at).
 * The delivery id is the same on every attempt, so a receiver can ignore a repeat. Errors name the
 * receiver by scheme and host only: a URL's login or path may hold its credentials.
 */
export async function postWebhook({
  url,
  secret,
  body,
  deliveryId,
  now = Date.now(),
  addressing,
}: {
  url: string;
  secret: string;
  body: string;
  deliveryId: string;
  now?: number;
  addressing?: Parameters<typeof resolveWebhookAddress>[1];
}): Promise<void> {
  const target = new URL(url);
  const origin = webhookOrigin(target);
  let pinned: ResolvedAddress;
  try {
    pinned = await resolveWebhookAddress(target, addressing);
  } catch (error) {
    throw new Error(`${origin} refused: ${(error as Error).message}`);
  }
  const timestamp = Math.floor(now / 1000);
  let status: number;
  try {
    status = await postTo(target, pinned, body, {
      "content-type": "application/json",
      "user-agent": "LotLedger-Notifier",
      [DELIVERY_HEADER]: deliveryId,
      [TIMESTAMP_HEADER]: String(timestamp),
      [SIGNATURE_HEADER]: signWebhook(secret, timestamp, body),
    });
  } catch (error) {
    throw new Error(`${origin} could not be reached: ${(error as Error).message}`);
  }
  if (status < 200 || status > 299) throw new Error(`${origin} answered HTTP ${status}`);
}

/** What only an organisation's admin may do ("Only an admin of … can …"). */
export const SET_WEBHOOK = "set where its recall notices go";

const webhookInput = z.object({
  url: z.url({
    protocol: /^https?$/,
    error: "Enter the full address the notices go to, starting with https://.",
  }),
});

/** The URL as an admin may save it: https, to a public address (checked again at each send). */
export async function checkWebhookUrl(
  url: string,
  addressing?: Parameters<typeof resolveWebhookAddress>[1],
): Promise<string> {
  const input = parseInput(webhookInput, { url: url.trim() });
  try {
    await resolveWebhookAddress(new URL(input.url), addressing);
  } catch (error) {
    if (!(error instanceof WebhookAddressError)) throw error;
    throw new AppError("INVALID_INPUT", error.message, { field: "url" });
  }
  return input.url;
}

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
  addressing,
}: {
  db: Db;
  organizationId: string;
  url: string;
  masterKey: string;
  addressing?: Parameters<typeof resolveWebhookAddress>[1];
}): Promise<{ url: string; secret: string }> {
  const input = { url: await checkWebhookUrl(url, addressing) };
  const secret = `whsec_${randomBytes(24).toString("base64url")}`;
  const encryptedSecret = encryptSigningKey(secret, masterKey);
  await db.webhookEndpoint.upsert({
    where: { organizationId },
    create: { organizationId, url: input.url, encryptedSecret },
    update: { url: input.url, encryptedSecret },
  });
  return { url: input.url, secret };
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
