import "server-only";
import type { Member } from "@/lib/auth/session";
import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { CUSTODY_KINDS } from "@/lib/lots/guards";
import { findMainSiteGln } from "./locations";

type Party = { gln: string; chainAddress: string; kind: string; name: string };
const PARTY = { gln: true, chainAddress: true, kind: true, name: true } as const;

/**
 * The immediate subsequent recipient of a shipment and where it goes: a location GLN names both; an
 * organisation's party GLN names it and its main site. Refused: a GLN that is neither, an
 * organisation that holds no lots (a regulator), the shipper itself.
 */
export async function requireDestination(
  tx: Tx,
  member: Member,
  gln: string,
): Promise<{ organization: Party; locationGln: string | null }> {
  const location = await tx.location.findUnique({
    where: { gln },
    select: { gln: true, organization: { select: { id: true, ...PARTY } } },
  });
  const organization =
    location?.organization ??
    (await tx.organization.findUnique({ where: { gln }, select: { id: true, ...PARTY } }));
  if (!organization || !CUSTODY_KINDS.includes(organization.kind)) {
    throw new AppError(
      "INVALID_INPUT",
      "The recipient is not an organisation that can receive lots: choose a farm, packer, processor, carrier or retailer.",
      { field: "recipientGln" },
    );
  }
  if (organization.chainAddress === member.organization.chainAddress) {
    throw new AppError(
      "INVALID_INPUT",
      "A lot cannot be shipped to its own holder: choose another organisation.",
      { field: "recipientGln" },
    );
  }
  const { id, ...party } = organization;
  return { organization: party, locationGln: location?.gln ?? (await findMainSiteGln(tx, id)) };
}

/** The carrier that holds a shipment in transit: a carrier on the ledger, neither end of the trip. */
export async function requireCarrier(
  tx: Tx,
  member: Member,
  gln: string,
  recipientGln: string,
): Promise<Party> {
  const carrier = await tx.organization.findUnique({ where: { gln }, select: PARTY });
  if (carrier?.kind !== "CARRIER") {
    throw new AppError("INVALID_INPUT", "Choose the carrier from the list, or leave it empty.", {
      field: "carrierGln",
    });
  }
  if (carrier.gln === member.organization.gln || carrier.gln === recipientGln) {
    throw new AppError(
      "INVALID_INPUT",
      "Leave the carrier empty when the sender or the recipient moves the lot itself.",
      { field: "carrierGln" },
    );
  }
  return carrier;
}
