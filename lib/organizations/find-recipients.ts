import "server-only";
import type { Db } from "@/lib/db/client";

/** Organisations a lot can be shipped to: every kind that holds lots, except the shipper. */
export async function findShippingRecipients({
  db,
  excludeOrganizationId,
}: {
  db: Db;
  excludeOrganizationId: string;
}): Promise<{ gln: string; name: string; kind: string }[]> {
  return db.organization.findMany({
    where: { id: { not: excludeOrganizationId }, kind: { not: "REGULATOR" } },
    orderBy: { name: "asc" },
    select: { gln: true, name: true, kind: true },
  });
}
