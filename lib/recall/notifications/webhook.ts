import { createHmac } from "node:crypto";

/** Header names a receiver checks; documented in the README's recall section. */
export const SIGNATURE_HEADER = "x-lotledger-signature";
export const TIMESTAMP_HEADER = "x-lotledger-timestamp";
export const DELIVERY_HEADER = "x-lotledger-delivery";

const TIMEOUT_MS = 10_000;

/**
 * HMAC-SHA256 over "<timestamp>.<body>" with the endpoint's secret, hex, as "sha256=<hex>". Signing
 * the timestamp too lets a receiver refuse an old message replayed at it.
 */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
}

/**
 * POSTs one notice; resolves when the receiver answered 2xx, else throws with what it answered. A
 * redirect is not followed (a receiver that moved must be reconfigured, not guessed at). The delivery
 * id is the same on every attempt, so a receiver can ignore a repeat.
 */
export async function postWebhook({
  url,
  secret,
  body,
  deliveryId,
  now = Date.now(),
}: {
  url: string;
  secret: string;
  body: string;
  deliveryId: string;
  now?: number;
}): Promise<void> {
  const timestamp = Math.floor(now / 1000);
  let response: Response;
  try {
    response = await fetch(url, {
      method: "POST",
      redirect: "manual",
      signal: AbortSignal.timeout(TIMEOUT_MS),
      headers: {
        "content-type": "application/json",
        "user-agent": "LotLedger-Notifier",
        [DELIVERY_HEADER]: deliveryId,
        [TIMESTAMP_HEADER]: String(timestamp),
        [SIGNATURE_HEADER]: signWebhook(secret, timestamp, body),
      },
      body,
    });
  } catch (error) {
    const reason =
      error instanceof Error ? ((error.cause as Error)?.message ?? error.message) : error;
    throw new Error(`${url} could not be reached: ${reason}`);
  }
  await response.body?.cancel();
  if (!response.ok) throw new Error(`${url} answered HTTP ${response.status}`);
}
