import { createHash } from "node:crypto";
import { AppError } from "@/lib/errors";
import type { EventQuery } from "./query-params";

// The opaque nextPageToken: the last event of a page by the query's order (its eventTime or
// recordTime, then its id) and a fingerprint of the query it belongs to, so the next page starts
// right after that event (a keyset, never an offset: new events never shift a page) and a token is
// refused with another query's parameters.

export type PageAfter = { time: Date; id: string };

const fingerprintOf = (query: EventQuery) =>
  createHash("sha256").update(JSON.stringify(query)).digest("base64url").slice(0, 12);

export function encodePageToken(query: EventQuery, after: PageAfter): string {
  return Buffer.from(
    JSON.stringify([after.time.toISOString(), after.id, fingerprintOf(query)]),
  ).toString("base64url");
}

const STALE_TOKEN =
  "nextPageToken is not one LotLedger gave for this query: ask again without it, with the same other parameters as the page before.";

/** Where the page after `token` starts, or null without a token; a token of another query is refused. */
export function decodePageToken(query: EventQuery, token: string | null): PageAfter | null {
  if (token === null) return null;
  try {
    const [time, id, fingerprint] = JSON.parse(Buffer.from(token, "base64url").toString());
    const after = { time: new Date(time), id };
    if (
      typeof time === "string" &&
      typeof id === "string" &&
      fingerprint === fingerprintOf(query) &&
      !Number.isNaN(after.time.getTime())
    ) {
      return after;
    }
  } catch {
    // Not base64url JSON: refused below.
  }
  throw new AppError("INVALID_INPUT", STALE_TOKEN, { field: "nextPageToken" });
}
