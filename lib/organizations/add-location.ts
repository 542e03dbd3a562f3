import "server-only";
import type { Member } from "@/lib/auth/session";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { type LocationInput, parseLocation } from "./location-input";
import { ADD_LOCATIONS, assertOrganizationAdmin } from "./permissions";
import { isUniqueViolation } from "./unique-violation";

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
  const location = parseLocation(input);
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
