import "server-only";
import type { Db } from "@/lib/db/client";
import type { Holder } from "./trace";

type HolderRow = {
  chainAddress: string;
  name: string;
  gln: string;
  kind: string;
  locationGln: string | null;
  locationName: string | null;
  locationAddress: string | null;
};

/**
 * The organisations behind these chain addresses, each with its first location (the site it
 * registered first), by address. Addresses are matched without their checksum casing, as the scan
 * page does: the indexer and sign-up may write them differently. An address no organisation has
 * (an account outside LotLedger) still gets a Holder, with nulls.
 */
export async function findHolders(
  db: Db,
  addresses: Iterable<string>,
): Promise<(address: string) => Holder> {
  const wanted = [...new Set([...addresses].map((address) => address.toLowerCase()))];
  const rows =
    wanted.length === 0
      ? []
      : await db.$queryRaw<HolderRow[]>`
          SELECT o."chainAddress", o.name, o.gln, o.kind::text AS kind,
            loc.gln AS "locationGln", loc.name AS "locationName", loc.address AS "locationAddress"
          FROM "Organization" o
          LEFT JOIN LATERAL (
            SELECT gln, name, address FROM "Location"
            WHERE "organizationId" = o.id ORDER BY "createdAt", id LIMIT 1
          ) loc ON true
          WHERE lower(o."chainAddress") = ANY(${wanted}::text[])`;
  const byAddress = new Map(rows.map((row) => [row.chainAddress.toLowerCase(), row]));
  return (address) => {
    const row = byAddress.get(address.toLowerCase());
    if (!row) return { address, name: null, gln: null, kind: null, location: null };
    const location =
      row.locationGln === null
        ? null
        : {
            gln: row.locationGln,
            name: row.locationName ?? "",
            address: row.locationAddress ?? "",
          };
    return { address, name: row.name, gln: row.gln, kind: row.kind, location };
  };
}
