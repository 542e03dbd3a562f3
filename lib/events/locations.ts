import "server-only";
import type { Member } from "@/lib/auth/session";
import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

export const CHOOSE_OWN_LOCATION = "Choose one of your organisation's locations.";

/** One of the member's own organisation's locations, chosen on the form by its GLN. */
export async function requireOwnLocation(
  tx: Tx,
  member: Member,
  gln: string | undefined,
  field = "locationGln",
) {
  const location = gln
    ? await tx.location.findUnique({
        where: { gln },
        select: { gln: true, name: true, organizationId: true },
      })
    : null;
  if (!location || location.organizationId !== member.organization.id) {
    throw new AppError("INVALID_INPUT", CHOOSE_OWN_LOCATION, { field });
  }
  return location;
}

/** Any organisation's location, e.g. the immediate subsequent recipient (which may be one's own). */
export async function requirePartnerLocation(
  tx: Tx,
  gln: string | undefined,
  field: string,
  label: string,
) {
  const location = gln
    ? await tx.location.findUnique({
        where: { gln },
        select: { gln: true, name: true, organization: { select: { gln: true, name: true } } },
      })
    : null;
  if (!location)
    throw new AppError("INVALID_INPUT", `Choose the ${label} from the list.`, { field });
  return location;
}

/** The GLN of an organisation's main site (its first location), where its unplaced events happen. */
export async function findMainSiteGln(tx: Tx, organizationId: string): Promise<string | null> {
  const site = await tx.location.findFirst({
    where: { organizationId },
    orderBy: { createdAt: "asc" },
    select: { gln: true },
  });
  return site?.gln ?? null;
}

/** Where the member's organisation records events that name no site: its main site, else its party GLN. */
export async function memberSiteGln(tx: Tx, member: Member): Promise<string> {
  return (await findMainSiteGln(tx, member.organization.id)) ?? member.organization.gln;
}
