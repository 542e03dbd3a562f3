// The security headers of every answer LotLedger gives — Next's pages and routes (proxy.ts) and the
// Digital Link resolver's fast path (workers/web.ts) — defined once, here. Nothing secret: no
// server-only, so Next's proxy loads it as any other module.

/**
 * The consumer pages and the JSON, CSV and image answers: no script. The one outside resource is a
 * product's picture, at the https address its owner gave (lib/products); the referrer policy below
 * keeps the page's address, and so the lot, from that host.
 */
const PUBLIC_POLICY = [
  "default-src 'none'",
  // Each page carries its own <style> and draws its map and chart as inline SVG.
  "style-src 'unsafe-inline'",
  "img-src 'self' data: https:",
  "base-uri 'none'",
  // The "check another lot" form (GET /check) stays on this site.
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

/**
 * The signed-in app: Next's scripts carry the request's nonce ('strict-dynamic' lets them load the
 * page's chunks); styles may be inline because React writes style attributes (a progress bar's
 * width) and the label sheet its page layout; the scan page's camera stays on this origin.
 */
function appPolicy(nonce: string, isDevelopment: boolean): string {
  return [
    "default-src 'self'",
    // 'wasm-unsafe-eval' compiles WebAssembly (the scan page's zxing-cpp photo reader), no JS eval.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic' 'wasm-unsafe-eval'${isDevelopment ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "media-src 'self' blob:",
    "font-src 'self'",
    "connect-src 'self'",
    // The offline service worker (public/sw.js): 'strict-dynamic' would otherwise refuse it.
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/**
 * Paths answered without the app's scripts: the Digital Link resolver (/01/… and the other GS1
 * keys' /414/…, /8003/…: all digits), its JSON twins and the API.
 */
const PUBLIC_PATHS = /^\/(?:(?:\d{2,4}|linkset|traceability|recall-status|api)\/|check$)/;

export function isPublicPath(pathname: string): boolean {
  return PUBLIC_PATHS.test(pathname);
}

/**
 * The headers for an answer at `pathname`. An app page needs the request's `nonce` (Next reads it
 * back from the request's Content-Security-Policy header and puts it on its own scripts). HSTS only
 * when LotLedger is reached over https (APP_URL): a browser ignores it over http anyway.
 */
export function securityHeaders({
  pathname,
  nonce,
  isHttps,
  isDevelopment = false,
}: {
  pathname: string;
  nonce?: string;
  isHttps: boolean;
  isDevelopment?: boolean;
}): Record<string, string> {
  const policy = isPublicPath(pathname) || !nonce ? PUBLIC_POLICY : appPolicy(nonce, isDevelopment);
  return {
    "content-security-policy": policy,
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "same-origin",
    "permissions-policy": "camera=(self), microphone=(), geolocation=()",
    "cross-origin-opener-policy": "same-origin",
    ...(isHttps ? { "strict-transport-security": "max-age=31536000" } : {}),
  };
}

/** A fresh nonce per request: 128 random bits. */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}
