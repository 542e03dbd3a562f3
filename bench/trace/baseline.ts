import type { Db } from "@/lib/db/client";

// bench:trace's baseline: the trace as a straightforward Prisma implementation would walk it, one
// level at a time (the links of the whole frontier per query, then that level's lots and their
// package counts), with the holders looked up at the end. It visits each lot once, as lib/trace
// does, so the two return the same lots and the difference is the round trips alone.

export type NaiveTrace = { lotIds: string[] };

export async function naiveTrace(
  db: Db,
  lotId: string,
  direction: "back" | "forward",
): Promise<NaiveTrace | null> {
  const start = await db.lot.findUnique({ where: { id: lotId } });
  if (!start) return null;
  const seen = new Set([lotId]);
  const lots = [start];
  let frontier = [lotId];
  while (frontier.length > 0) {
    const links = await db.lotLineage.findMany({
      where:
        direction === "forward" ? { parentId: { in: frontier } } : { childId: { in: frontier } },
      select: { parentId: true, childId: true, kind: true },
    });
    const next = [
      ...new Set(links.map((link) => (direction === "forward" ? link.childId : link.parentId))),
    ].filter((id) => !seen.has(id));
    for (const id of next) seen.add(id);
    if (next.length === 0) break;
    lots.push(...(await db.lot.findMany({ where: { id: { in: next } } })));
    frontier = next;
  }
  const ids = lots.map((lot) => lot.id);
  await db.package.groupBy({ by: ["lotId"], where: { lotId: { in: ids } }, _count: true });
  await db.package.groupBy({
    by: ["lotId"],
    where: { lotId: { in: ids }, removedAt: { not: null } },
    _count: true,
  });
  const addresses = [
    ...new Set(lots.flatMap((lot) => [lot.custodian, lot.recipient ?? lot.custodian])),
  ];
  await db.organization.findMany({
    where: { chainAddress: { in: addresses } },
    include: { locations: { orderBy: { createdAt: "asc" }, take: 1 } },
  });
  return { lotIds: ids };
}
