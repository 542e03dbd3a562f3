import "server-only";
import type { Member } from "@/lib/auth/session";
import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";

// Every lot an organisation may see, as one set (the rule of lib/lots/visibility.ts: the lots it
// produced, holds, was sent or handed off, and their whole lineage both ways), for queries that read
// many events of many lots. Lots, lineage and handoffs change only when the indexer moves its
// checkpoint, so the set is kept per organisation until the checkpoint moves.
/** Beyond this many lots the set costs more to pass than checking each page's lots (find-events). */
export const MAX_SET_SIZE = 100_000;

const cache = new Map<string, { version: string; lotIds: string[] | null }>();

/** The organisation's visible lots, or null when they are more than MAX_SET_SIZE. */
export async function findVisibleLotSet(
  db: Db,
  member: Pick<Member, "organization">,
): Promise<string[] | null> {
  const key = member.organization.id;
  const [checkpoint] = await db.$queryRaw<{ version: string }[]>`
    SELECT count(*) || '@' || coalesce(max("updatedAt")::text, '') AS version
    FROM "IndexerCheckpoint"`;
  const version = checkpoint?.version ?? "";
  const cached = cache.get(key);
  if (cached?.version === version) return cached.lotIds;
  const rows = await db.$queryRaw<{ id: string }[]>`
    ${visibleLotsSql(member)} LIMIT ${MAX_SET_SIZE + 1}`;
  const lotIds = rows.length > MAX_SET_SIZE ? null : rows.map((r) => r.id);
  cache.set(key, { version, lotIds });
  return lotIds;
}

/** The SELECT of the organisation's visible lot ids (one column, `id`). */
export function visibleLotsSql(member: Pick<Member, "organization">): Prisma.Sql {
  const me = member.organization.chainAddress.toLowerCase();
  return Prisma.sql`
    WITH RECURSIVE mine(id) AS (
      SELECT id FROM "Lot" WHERE lower(producer) = ${me} OR lower(custodian) = ${me}
        OR lower(recipient) = ${me}
      UNION SELECT "lotId" FROM "LedgerEvent" WHERE name = 'LotHandedOff'
        AND (lower(actor) = ${me} OR lower(args->>'recipient') = ${me})
    ),
    back(id) AS (SELECT id FROM mine UNION
      SELECT l."parentId" FROM "LotLineage" l JOIN back b ON l."childId" = b.id),
    forward(id) AS (SELECT id FROM mine UNION
      SELECT l."childId" FROM "LotLineage" l JOIN forward f ON l."parentId" = f.id)
    SELECT id FROM back UNION SELECT id FROM forward`;
}
