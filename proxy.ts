import { type NextRequest, NextResponse } from "next/server";
import { newNonce, securityHeaders } from "@/lib/api/security-headers";

/**
 * Every answer Next gives carries LotLedger's security headers (lib/api/security-headers.ts, which
 * workers/web.ts's fast path uses too); an app page gets a fresh nonce, which Next reads back from
 * the request's Content-Security-Policy header and puts on its own scripts.
 */
export function proxy(request: NextRequest) {
  const headers = securityHeaders({
    pathname: request.nextUrl.pathname,
    nonce: newNonce(),
    isHttps: (process.env.APP_URL ?? "").startsWith("https:"),
    isDevelopment: process.env.NODE_ENV === "development",
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", headers["content-security-policy"] as string);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}
