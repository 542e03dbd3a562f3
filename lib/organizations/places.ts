import "server-only";
import type { Db } from "@/lib/db/client";

/** Where something happened, as the public may see it: a business and its site. */
export type Place = {
  organization: string;
  name: string;
  address: string;
  latitude: number | null;
  longitude: number | null;
};

export type PlaceDirectory = {
  /** A party GLN (the organisation's main site) or a location GLN. */
  byGln(gln: unknown): Place | null;
  /** The main site of the organisation with this chain address. */
  byAddress(address: string): Place | null;
};

/** Every organisation's sites, in one query: the directory is small (the ledger's members). */
export async function getPlaceDirectory({ db }: { db: Db }): Promise<PlaceDirectory> {
  const organizations = await db.organization.findMany({
    select: {
      name: true,
      gln: true,
      chainAddress: true,
      locations: {
        select: { gln: true, name: true, address: true, latitude: true, longitude: true },
        orderBy: { createdAt: "asc" },
      },
    },
  });
  const byGln = new Map<string, Place>();
  const byAddress = new Map<string, Place>();
  for (const organization of organizations) {
    const places = organization.locations.map((location) => ({
      organization: organization.name,
      name: location.name,
      address: location.address,
      latitude: location.latitude,
      longitude: location.longitude,
    }));
    const main: Place = places[0] ?? {
      organization: organization.name,
      name: organization.name,
      address: "",
      latitude: null,
      longitude: null,
    };
    byGln.set(organization.gln, main);
    byAddress.set(organization.chainAddress, main);
    organization.locations.forEach((location, index) => {
      byGln.set(location.gln, places[index] as Place);
    });
  }
  return {
    byGln: (gln) => (typeof gln === "string" ? (byGln.get(gln) ?? null) : null),
    byAddress: (address) => byAddress.get(address) ?? null,
  };
}
