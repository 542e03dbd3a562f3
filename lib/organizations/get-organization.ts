import "server-only";
import type { Db } from "@/lib/db/client";

/** One organisation as its members see it: who it is on the ledger and where it works. */
export async function getOrganization({ db, organizationId }: { db: Db; organizationId: string }) {
  return db.organization.findUniqueOrThrow({
    where: { id: organizationId },
    select: {
      name: true,
      kind: true,
      gln: true,
      chainAddress: true,
      locations: {
        orderBy: { name: "asc" },
        select: {
          id: true,
          gln: true,
          name: true,
          address: true,
          latitude: true,
          longitude: true,
        },
      },
    },
  });
}
