import { AppError } from "@/lib/errors";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** The refusal of a cookie-authenticated write that did not come from LotLedger's own pages. */
export const CROSS_SITE_REFUSAL =
  "A signed-in session is accepted from LotLedger's own pages only: send this request from them, or with an API key (Authorization: Bearer …) that an admin creates on the organisation page.";

/**
 * A browser sends the session cookie with any request to LotLedger, whichever site made it: a write
 * authenticated by the cookie must say it comes from LotLedger's origin (Origin: APP_URL's, or the
 * host it was sent to; without Origin, Sec-Fetch-Site: same-origin) and carry a body type that no
 * cross-site form can send (forms send urlencoded, multipart or text/plain). Reads need neither.
 */
export function assertSessionRequest(
  request: Request,
  { accepts, appUrl }: { accepts: string[]; appUrl: string },
): void {
  if (SAFE_METHODS.has(request.method)) return;
  if (!isFromOwnOrigin(request, appUrl)) throw new AppError("FORBIDDEN", CROSS_SITE_REFUSAL);
  const type = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase() ?? "";
  if (!accepts.includes(type)) {
    throw new AppError(
      "UNSUPPORTED_MEDIA_TYPE",
      `Send the request body as ${accepts.join(" or ")}, with that Content-Type.`,
    );
  }
}

function isFromOwnOrigin(request: Request, appUrl: string): boolean {
  const origin = request.headers.get("origin");
  if (!origin || origin === "null") {
    return request.headers.get("sec-fetch-site") === "same-origin";
  }
  if (origin === new URL(appUrl).origin) return true;
  try {
    return new URL(origin).host === request.headers.get("host");
  } catch {
    return false;
  }
}
