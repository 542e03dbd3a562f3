import "server-only";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { dayStartIn, isCalendarDay, nextDay } from "@/lib/text/day-start";
import { type HomeLot, type LotRow, toHomeLots } from "./home-lot";

/** An outbreak question: lots of a product at or through a place in a window of days. */
export type OutbreakQuery = {
  /** A GTIN, or words of a product's name, brand, commodity or variety. */
  product: string;
  /** The GLN of a location. */
  placeGln: string;
  /** Calendar days (YYYY-MM-DD) in the place's own time zone, both included. */
  from: string;
  to: string;
};

export type OutbreakResult = {
  place: { gln: string; name: string; organization: string; timeZone: string };
  gtins: string[];
  lots: HomeLot[];
  /** More lots matched than are listed. */
  isCut: boolean;
};

const MAX_LOTS = 200;

/**
 * The lots of the product with a critical tracking event at the place within the window — harvested,
 * packed, made, shipped from or received there — by the event's location in its stored payload
 * (bizLocation), each once, newest event first. Only the organisation owning a place records events
 * there, so only its events are read. Lots first, by GTIN (a scan of every payload's location would
 * read them all). What a regulator traces forward and exports first.
 */
export async function searchOutbreak({
  db,
  query,
}: {
  db: Db;
  query: OutbreakQuery;
}): Promise<OutbreakResult> {
  const place = await db.location.findUnique({
    where: { gln: query.placeGln },
    select: {
      gln: true,
      name: true,
      timeZone: true,
      organization: { select: { name: true, chainAddress: true } },
    },
  });
  if (!place)
    throw new AppError("INVALID_INPUT", "Choose a place from the list.", { field: "place" });
  if (!isCalendarDay(query.from) || !isCalendarDay(query.to) || query.from > query.to) {
    throw new AppError("INVALID_INPUT", "Give the first and last day of the window, in order.", {
      field: "from",
    });
  }
  const timeZone = place.timeZone ?? "UTC";
  const since = dayStartIn(timeZone, query.from);
  // The end of the last day is the next day's start: 23 or 25 hours on a day the clocks change.
  const until = dayStartIn(timeZone, nextDay(query.to));
  const gtins = await productGtins(db, query.product);
  const rows =
    gtins.length === 0
      ? []
      : await db.$queryRaw<LotRow[]>`
          SELECT l.id, l.gtin, l."lotCode", l.quantity, l.unit, l.status::text AS status,
            l.custodian AS "partyAddress", hit.at
          FROM "Lot" l
          JOIN LATERAL (
            SELECT e."createdAt" AS at FROM "LedgerEvent" e
            JOIN "EventPayload" p ON p.hash = e."payloadHash"
            WHERE e."lotId" = l.id AND e.actor = ${place.organization.chainAddress}
              AND e."createdAt" >= ${since} AND e."createdAt" < ${until}
              AND right(p.body->'bizLocation'->>'id', 13) = ${place.gln}
            ORDER BY e."createdAt" DESC LIMIT 1
          ) hit ON true
          WHERE l.gtin = ANY(${gtins}::text[])
          ORDER BY hit.at DESC, l.id
          LIMIT ${MAX_LOTS + 1}`;
  return {
    place: {
      gln: place.gln,
      name: place.name,
      organization: place.organization.name,
      timeZone,
    },
    gtins,
    lots: await toHomeLots(db, rows.slice(0, MAX_LOTS)),
    isCut: rows.length > MAX_LOTS,
  };
}

/** The GTINs a product query names: the GTIN itself, or the products whose words match. */
async function productGtins(db: Db, text: string): Promise<string[]> {
  const words = text.trim();
  if (/^\d{14}$/.test(words)) return [words];
  if (words.length < 2) {
    throw new AppError("INVALID_INPUT", "Name the product: its GTIN or a word of its name.", {
      field: "product",
    });
  }
  const fields = ["name", "brand", "commodity", "variety", "description"] as const;
  const products = await db.product.findMany({
    where: { OR: fields.map((field) => ({ [field]: { contains: words, mode: "insensitive" } })) },
    select: { gtin: true },
    take: 50,
  });
  return products.map((p) => p.gtin);
}

/** Every location on LotLedger, for the outbreak search's place picker. */
export async function findPlaces(db: Db) {
  const places = await db.location.findMany({
    orderBy: [{ name: "asc" }],
    select: { gln: true, name: true, organization: { select: { name: true } } },
    take: 2_000,
  });
  return places.map((p) => ({ gln: p.gln, name: p.name, organization: p.organization.name }));
}
