import "server-only";
import { authenticateRequest } from "@/lib/auth/caller";
import type { Member } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import type { Db } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { respondEpcis } from "@/lib/epcis/respond";
import { EPCIS_DOCUMENT_CONTEXT } from "@/lib/epcis/standard-event";
import { type Listing, listEpcisValues } from "./listings";
import { readPerPage } from "./query-params";

type Work = (context: { db: Db; member: Member; url: URL; request: Request }) => Promise<{
  body: unknown;
  status?: number;
  headers?: Record<string, string>;
}>;

/**
 * A thin /epcis read route: the caller (an API key with READ, or a signed-in session), the address
 * as LotLedger's own (APP_URL, for the absolute links it answers with), one domain call.
 */
export function epcisRoute(context: string, work: Work) {
  return (request: Request) =>
    respondEpcis(context, async () => {
      const member = await authenticateRequest(request, { scope: "READ" });
      const { pathname, search } = new URL(request.url);
      const url = new URL(`${pathname}${search}`, getEnv().APP_URL);
      return work({ db: getDb(), member, url, request });
    });
}

/** GET of a top-level listing (/epcis/bizSteps, …): a Collection page, Link rel="next" while more. */
export function listingRoute(listing: Listing) {
  return epcisRoute(`GET /epcis/${listing}`, async ({ db, member, url }) => {
    const perPage = readPerPage(url.searchParams.get("perPage"));
    const page = await listEpcisValues({
      db,
      member,
      listing,
      perPage,
      token: url.searchParams.get("nextPageToken"),
    });
    const headers: Record<string, string> = {};
    if (page.nextPageToken) {
      const next = new URL(url);
      next.searchParams.set("perPage", String(perPage));
      next.searchParams.set("nextPageToken", page.nextPageToken);
      headers.link = `<${next.href}>; rel="next"`;
    }
    return {
      body: { "@context": EPCIS_DOCUMENT_CONTEXT, type: "Collection", member: page.member },
      headers,
    };
  });
}
