import "server-only";
import type { Member } from "@/lib/auth/session";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/input";
import { type LocationInput, locationInput } from "./input";
import { ADD_LOCATIONS, assertOrganizationAdmin } from "./roles";

// Who is on the ledger and where: organisations, their places, and the directory public pages and
// exports read them from.

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

/** An admin adds a place of their organisation: its own GLN, name, address and coordinates. */
export async function addLocation({
  db,
  member,
  input,
}: {
  db: Db;
  member: Member;
  input: LocationInput;
}): Promise<{ id: string; gln: string; name: string }> {
  assertOrganizationAdmin(member, ADD_LOCATIONS);
  const location = parseInput(locationInput, input);
  if (await db.location.findUnique({ where: { gln: location.gln }, select: { id: true } })) {
    throw duplicateLocationGln(location.gln);
  }
  try {
    return await db.location.create({
      data: { organizationId: member.organization.id, ...location },
      select: { id: true, gln: true, name: true },
    });
  } catch (error) {
    // Someone registered the same GLN between the check and the insert.
    if (isUniqueViolation(error)) throw duplicateLocationGln(location.gln);
    throw error;
  }
}

export function duplicateLocationGln(gln: string): AppError {
  return new AppError(
    "CONFLICT",
    `GLN ${gln} is already registered as a location: each place has its own GLN, check the number.`,
    { field: "gln" },
  );
}

/** Prisma's "unique constraint failed" (P2002), as thrown through the pg driver adapter. */
export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === "P2002";
}

/** Where something happened, as the public may see it: a business and its site. */
export type Place = {
  organization: string;
  name: string;
  address: string;
  latitude: number | null;
  longitude: number | null;
  /** IANA time zone of the site (times there are shown in it), or null when nobody set it. */
  timeZone: string | null;
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
        select: {
          gln: true,
          name: true,
          address: true,
          latitude: true,
          longitude: true,
          timeZone: true,
        },
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
      timeZone: location.timeZone,
    }));
    const main: Place = places[0] ?? {
      organization: organization.name,
      name: organization.name,
      address: "",
      latitude: null,
      longitude: null,
      timeZone: null,
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
