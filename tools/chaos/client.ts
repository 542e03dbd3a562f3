/**
 * A staff member's HTTP client for the chaos test: signs in through Better Auth's endpoint and sends
 * requests with the session cookie, retrying while the app is down, as a phone on bad Wi-Fi would.
 */
export type Outcome = { status: number; body: Record<string, unknown> };

export async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: baseUrl },
    body: JSON.stringify({ email, password }),
  });
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  if (!response.ok || !cookie)
    throw new Error(`Sign-in as ${email} failed: HTTP ${response.status}`);
  return cookie;
}

/**
 * POSTs JSON until the app gives a definitive answer (< 500), or `giveUpMs` passes. `headers` go
 * with every try (an Idempotency-Key makes the retries one write).
 */
export async function postUntilAnswered(
  url: string,
  cookie: string,
  body: unknown,
  giveUpMs = 180_000,
  headers: Record<string, string> = {},
): Promise<Outcome | null> {
  const deadline = Date.now() + giveUpMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          cookie,
          origin: new URL(url).origin,
          ...headers,
        },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(20_000),
      });
      if (response.status < 500) {
        return {
          status: response.status,
          body: (await response.json().catch(() => ({}))) as Record<string, unknown>,
        };
      }
    } catch {
      // the app is down or was killed mid-request: try again, as a client would
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  return null;
}
