import "server-only";
import type { Member } from "@/lib/auth/session";
import type { Db, Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

/**
 * Why an organisation may see a lot — its trail, holders, sites, document numbers and quantities:
 * - `regulator`: regulators see every lot;
 * - `producer`: it registered this very lot (createLot, or a split, merge or transformation);
 * - `party`: it held the lot or was sent it, now or before, or it did so for a lot in the lot's
 *   lineage — anything the lot was made from, through any number of steps, or anything made from it.
 * Anyone else sees nothing of the lot, not even that it exists: every page, export, scan and API
 * route answers them as it answers for a lot LotLedger does not have.
 */
export type LotStanding = "regulator" | "producer" | "party";

/** The one sentence for a lot that does not exist or that the member may not see. */
export const NO_SUCH_LOT =
  "No such lot is on LotLedger for your organisation: search for the batch by its GTIN, lot code or a package's serial.";

type Options = { db: Db | Tx; member: Pick<Member, "organization"> };

/** The member's standing towards the lot, or null when it may not see it (or there is no such lot). */
export async function findLotStanding({
  lotId,
  ...options
}: Options & { lotId: string }): Promise<LotStanding | null> {
  return (await findLotStandings({ ...options, lotIds: [lotId] })).get(lotId) ?? null;
}

export async function canSeeLot(options: Options & { lotId: string }): Promise<boolean> {
  return (await findLotStanding(options)) !== null;
}

/**
 * The member's standing, or the not-found refusal (`sentence`, NO_SUCH_LOT unless the route has its
 * own) for a lot that does not exist and for one it may not see alike.
 */
export async function requireVisibleLot({
  sentence = NO_SUCH_LOT,
  ...options
}: Options & { lotId: string; sentence?: string }): Promise<LotStanding> {
  const standing = await findLotStanding(options);
  if (!standing) throw new AppError("NOT_FOUND", sentence);
  return standing;
}

/** Of these lots, the ones the member may see (for lists and searches). */
export async function findVisibleLotIds(options: Options & { lotIds: string[] }) {
  return new Set((await findLotStandings(options)).keys());
}

type StandingRow = { lotId: string; isProducer: boolean };

/**
 * One round trip for any number of lots (none included), whoever asks and whether or not the lots
 * exist, so that a refusal takes as long as a lot that is not there: the lineage of each lot in both directions (the
 * recursive walk of lib/trace/lineage.ts, tagged with the lot it starts from), then whether the
 * organisation is a party of any lot in it. Past holders and recipients are those of its
 * LotHandedOff events (the sender held the lot; the recipient was sent it, accepted or not); custody
 * only ever moves by an accepted handoff, so these and the producer are everyone who ever held it.
 * Addresses are compared without their checksum casing.
 */
async function findLotStandings({
  db,
  member,
  lotIds,
}: Options & { lotIds: string[] }): Promise<Map<string, LotStanding>> {
  const me = member.organization.chainAddress.toLowerCase();
  const isRegulator = member.organization.kind === "REGULATOR";
  const rows = await db.$queryRaw<StandingRow[]>`
    WITH RECURSIVE
      back(start, id) AS (
        SELECT id, id FROM "Lot" WHERE id = ANY(${lotIds}::text[])
        UNION
        SELECT b.start, l."parentId" FROM "LotLineage" l JOIN back b ON l."childId" = b.id
      ),
      forward(start, id) AS (
        SELECT id, id FROM "Lot" WHERE id = ANY(${lotIds}::text[])
        UNION
        SELECT f.start, l."childId" FROM "LotLineage" l JOIN forward f ON l."parentId" = f.id
      ),
      family(start, id) AS (SELECT start, id FROM back UNION SELECT start, id FROM forward)
    SELECT family.start AS "lotId",
      bool_or(lot.id = family.start AND lower(lot.producer) = ${me}) AS "isProducer"
    FROM family
    JOIN "Lot" lot ON lot.id = family.id
    WHERE ${isRegulator}::boolean
      OR lower(lot.producer) = ${me}
      OR lower(lot.custodian) = ${me}
      OR lower(lot.recipient) = ${me}
      OR EXISTS (
        SELECT 1 FROM "LedgerEvent" e
        WHERE e."lotId" = lot.id AND e.name = 'LotHandedOff'
          AND (lower(e.actor) = ${me} OR lower(e.args->>'recipient') = ${me})
      )
    GROUP BY family.start`;
  return new Map(
    rows.map((row) => [
      row.lotId,
      isRegulator ? "regulator" : row.isProducer ? "producer" : "party",
    ]),
  );
}
