import { type NextRequest, NextResponse } from "next/server";
import { AppError } from "@/lib/errors";
import { decideFreshness } from "@/lib/provenance/freshness";
import { invalidLinkPage } from "@/lib/provenance/invalid-link-page";
import { resolveDigitalLinkPath } from "@/lib/provenance/resolve-digital-link";

// The GS1 Digital Link resolver's front door. A malformed link gets 400 and lib/gs1's sentence here,
// because an App Router page can only answer 200 or 404. A machine asking for links (GS1 linkType, or
// Accept: application/linkset+json) is rewritten to the JSON route; people get the provenance page.
const JSON_LINK_TYPES: Record<string, string> = {
  linkset: "/linkset",
  all: "/linkset",
  "gs1:traceability": "/traceability",
  "gs1:recallStatus": "/recall-status",
};
// Marks the proxy's own background visit that refreshes Next's cached copy of a page.
const REFRESH_HEADER = "x-lotledger-cache-refresh";

export function proxy(request: NextRequest) {
  const { pathname, search, searchParams } = request.nextUrl;
  const linkType = searchParams.get("linkType");
  const accept = request.headers.get("accept") ?? "";
  const jsonRoute =
    JSON_LINK_TYPES[linkType ?? ""] ??
    (linkType === null && accept.includes("application/linkset+json") ? "/linkset" : undefined);
  try {
    resolveDigitalLinkPath(`${pathname}${search}`);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    if (jsonRoute || accept.includes("application/json")) {
      return NextResponse.json({ error: error.message, code: error.code }, { status: 400 });
    }
    return new NextResponse(invalidLinkPage(error.message), {
      status: 400,
      headers: { "content-type": "text/html; charset=utf-8" },
    });
  }
  if (jsonRoute) {
    const url = request.nextUrl.clone();
    url.pathname = `${jsonRoute}${pathname}`;
    return NextResponse.rewrite(url);
  }
  let response = NextResponse.next();
  if (!request.headers.has(REFRESH_HEADER)) {
    const { route, refreshCache } = decideFreshness(pathname, Date.now());
    if (refreshCache) {
      fetch(request.nextUrl.href, { headers: { [REFRESH_HEADER]: "1" } })
        .then((answer) => answer.body?.cancel())
        .catch(() => {}); // only a cache refresh: the live page is answering meanwhile
    }
    if (route === "live") {
      const url = request.nextUrl.clone();
      url.pathname = `/provenance-live${pathname}`;
      response = NextResponse.rewrite(url);
    }
  }
  response.headers.set(
    "link",
    `<${pathname}?linkType=linkset>; rel="linkset"; type="application/linkset+json"`,
  );
  return response;
}

export const config = { matcher: "/01/:path*" };
