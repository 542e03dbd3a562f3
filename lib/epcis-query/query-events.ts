import "server-only";
import type { Member } from "@/lib/auth/session";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { findEpcisEvents } from "./find-events";
import { decodePageToken, encodePageToken } from "./page-token";
import { epcisQueryDocument } from "./query-document";
import { parseEventQuery, rawQueryOf, readPerPage } from "./query-params";

/**
 * GET /epcis/events: one page of the events the address's query finds and the caller may see, as an
 * EPCISQueryDocument, and the address of the next page (the `Link: <…>; rel="next"` header) while
 * there is one.
 */
export async function queryEpcisEvents({
  db,
  member,
  url,
  queryName,
}: {
  db: Db;
  member: Pick<Member, "organization">;
  url: URL;
  queryName?: string;
}) {
  const query = parseEventQuery(rawQueryOf(url.searchParams));
  const perPage = readPerPage(url.searchParams.get("perPage"));
  const after = decodePageToken(query, url.searchParams.get("nextPageToken"));
  const page = await findEpcisEvents({ db, member, query, perPage, after });
  const headers: Record<string, string> = {};
  if (page.next) {
    const next = new URL(url);
    next.searchParams.set("perPage", String(perPage));
    next.searchParams.set("nextPageToken", encodePageToken(query, page.next));
    headers.link = `<${next.href}>; rel="next"`;
  }
  return { body: epcisQueryDocument(page.events, { queryName }), headers };
}

const NO_SUCH_EVENT =
  "No event with this eventID is on LotLedger for your organisation: check the hash ID (URL-encoded) or query /epcis/events.";

/** GET /epcis/events/{eventID}: the one event, if the caller may see it, as a query document. */
export async function getEpcisEvent({
  db,
  member,
  eventId,
}: {
  db: Db;
  member: Pick<Member, "organization">;
  eventId: string;
}) {
  const query = parseEventQuery({ EQ_eventID: eventId });
  const page = await findEpcisEvents({ db, member, query, perPage: 1, after: null });
  if (page.events.length === 0) throw new AppError("NOT_FOUND", NO_SUCH_EVENT);
  return epcisQueryDocument(page.events);
}
