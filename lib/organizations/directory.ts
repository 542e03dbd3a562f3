import "server-only";
import { recordAudit } from "@/lib/audit";
import type { Member } from "@/lib/auth/session";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/input";
import { locationInput } from "./input";
import { ADD_LOCATIONS, assertOrganizationAdmin } from "./roles";

// Who is on the ledger and where: organisations, their places, and the directory public pages and
// exports read them from.

/** One organisation as its members see it: who it is on the ledger and where it works. */
export async function getOrganization({ db, organizationId }: { db: Db; organizationId: string }) {
  const organization = await db.organization.findUniqueOrThrow({
    where: { id: organizationId },
    select: {
      name: true,
      kind: true,
      gln: true,
      chainAddress: true,
      locations: {
        orderBy: { name: "asc" },
        select: { ...POSTAL_FIELDS, id: true, gln: true },
      },
    },
  });
  // The address shown is the whole postal address; the street line alone says too little.
  const locations = organization.locations.map((location) => ({
    ...location,
    address: postalAddress(location),
  }));
  return { ...organization, locations };
}

/**
 * Where a lot can be shipped: every location of every organisation that holds lots, except the
 * shipper's own (the destination names the recipient and its place); and the carriers that can hold
 * it in transit.
 */
export async function findShippingParties({
  db,
  excludeOrganizationId,
}: {
  db: Db;
  excludeOrganizationId: string;
}): Promise<{
  destinations: { gln: string; label: string }[];
  carriers: { gln: string; name: string }[];
}> {
  const organizations = await db.organization.findMany({
    where: { id: { not: excludeOrganizationId }, kind: { not: "REGULATOR" } },
    orderBy: { name: "asc" },
    select: {
      gln: true,
      name: true,
      kind: true,
      locations: { orderBy: { createdAt: "asc" }, select: { ...POSTAL_FIELDS, gln: true } },
    },
  });
  return {
    // An organisation with one place is named alone; one with several, with each place's name.
    destinations: organizations.flatMap((organization) => {
      const party = `${organization.name} (${organization.kind.toLowerCase()})`;
      if (organization.locations.length < 2) {
        const [only] = organization.locations;
        return [{ gln: only?.gln ?? organization.gln, label: party }];
      }
      return organization.locations.map((location) => ({
        gln: location.gln,
        label: [party, siteName(organization.name, location.name), location.city]
          .filter(Boolean)
          .join(" — "),
      }));
    }),
    carriers: organizations
      .filter((organization) => organization.kind === "CARRIER")
      .map(({ gln, name }) => ({ gln, name })),
  };
}

/** An admin adds a place of their organisation: its own GLN, name, address and coordinates. */
export async function addLocation({
  db,
  member,
  input,
}: {
  db: Db;
  member: Member;
  /** The form's fields, or LocationInput from code: checked here. */
  input: unknown;
}): Promise<{ id: string; gln: string; name: string }> {
  assertOrganizationAdmin(member, ADD_LOCATIONS);
  const location = parseInput(locationInput, input);
  if (await db.location.findUnique({ where: { gln: location.gln }, select: { id: true } })) {
    throw duplicateLocationGln(location.gln);
  }
  try {
    return await db.$transaction(async (tx) => {
      const created = await tx.location.create({
        data: { organizationId: member.organization.id, ...location },
        select: { id: true, gln: true, name: true },
      });
      const summary = `Added the location ${created.name} (GLN ${created.gln})`;
      await recordAudit(tx, member, {
        action: "CHANGED_LOCATIONS",
        summary,
        subjectId: created.id,
      });
      return created;
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
  /** The postal address on one line: street, city, region and postal code. */
  address: string;
  latitude: number | null;
  longitude: number | null;
  /**
   * FSMA 204's location description, field by field (null where the place has not said; left out
   * where a page builds a place of its own).
   */
  street?: string;
  city?: string | null;
  region?: string | null;
  postalCode?: string | null;
  countryCode?: string | null;
  phone?: string | null;
  timeZone?: string | null;
};

const POSTAL_FIELDS = {
  name: true,
  address: true,
  city: true,
  region: true,
  postalCode: true,
  countryCode: true,
  phone: true,
  timeZone: true,
  latitude: true,
  longitude: true,
} as const;

type PostalFields = {
  address: string;
  city: string | null;
  region: string | null;
  postalCode: string | null;
};

/** "1200 River Rd, Salinas, CA 93901": the street line, city, and region with postal code. */
export function postalAddress(location: PostalFields): string {
  const regionLine = [location.region, location.postalCode].filter(Boolean).join(" ");
  return [location.address, location.city, regionLine].filter(Boolean).join(", ");
}

/** The site's own name, without its organisation's name repeated ("Field 7"); null when only that. */
export function siteName(organization: string, name: string): string | null {
  if (name === organization) return null;
  const rest = name.startsWith(organization) ? name.slice(organization.length) : name;
  return rest.replace(/^[\s,–—-]+/, "") || null;
}

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
      locations: { select: { ...POSTAL_FIELDS, gln: true }, orderBy: { createdAt: "asc" } },
    },
  });
  const byGln = new Map<string, Place>();
  const byAddress = new Map<string, Place>();
  for (const organization of organizations) {
    const places = organization.locations.map(({ gln: _, address, ...location }) => ({
      ...location,
      organization: organization.name,
      address: postalAddress({ ...location, address }),
      street: address,
    }));
    const main: Place = places[0] ?? {
      organization: organization.name,
      name: organization.name,
      address: "",
      latitude: null,
      longitude: null,
      street: "",
      city: null,
      region: null,
      postalCode: null,
      countryCode: null,
      phone: null,
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
