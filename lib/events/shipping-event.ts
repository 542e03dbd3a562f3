import "server-only";
import type { Member } from "@/lib/auth/session";
import type { Tx } from "@/lib/db/client";
import { type EpcisEvent, locationId, partyId } from "@/lib/epcis/event";
import { shipmentPartiesOf } from "@/lib/epcis/shipment";
import { findLatestShipment } from "@/lib/lots/latest-shipment";
import { eventBase } from "./event-base";
import { memberSiteGln } from "./locations";
import { requireCarrier, requireDestination } from "./shipment-parties";

/** How a shipment names its destination, carrier and reference document (the ship forms, the API). */
export type ShippingTerms = {
  recipientGln: string;
  carrierGln: string | null;
  documentType: "bol" | "desadv";
  documentNumber: string | null;
};

/**
 * The shipping CTE's payload but for its goods (quantityList, epcList, kde), and who holds the goods
 * next: the carrier when there is one, else the recipient. One lot's shipment (shipping.ts) and a
 * batched one (lib/shipments) build it alike. A carrier delivering goods it picked up (`leadLotId`'s
 * latest shipment was to it, for someone else) ships on the original shipper's behalf: same owner,
 * ship-from location and documents, unless it types its own. Without a document number the shipment
 * is its own despatch advice, numbered `reference`.
 */
export async function planShippingEvent(
  tx: Tx,
  member: Member,
  { terms, leadLotId, reference }: { terms: ShippingTerms; leadLotId: string; reference: string },
) {
  const destination = await requireDestination(tx, member, terms.recipientGln);
  const carrier = terms.carrierGln
    ? await requireCarrier(tx, member, terms.carrierGln, destination.organization.gln)
    : null;
  const myGln = member.organization.gln;
  const latest = await findLatestShipment(tx, leadLotId);
  const pickedUp = shipmentPartiesOf(latest);
  const leg = pickedUp?.takenByGln === myGln && pickedUp.recipientGln !== myGln ? pickedUp : null;
  const carriedDocuments =
    leg?.documents.length && !terms.documentNumber ? latest?.bizTransactionList : undefined;
  const siteGln = await memberSiteGln(tx, member);
  const nextHolder = carrier ?? destination.organization;
  const base = eventBase({
    member,
    cte: "shipping",
    action: "OBSERVE",
    bizStep: "shipping",
    disposition: "in_transit",
    locationGln: siteGln,
    date: null,
    document: terms.documentNumber
      ? { type: terms.documentType, number: terms.documentNumber }
      : carriedDocuments
        ? null
        : { type: "desadv", number: reference },
  });
  const event = {
    ...base,
    ...(carriedDocuments ? { bizTransactionList: carriedDocuments } : {}),
    sourceList: [
      { type: "owning_party", id: partyId(leg?.shipperGln ?? myGln) },
      { type: "possessing_party", id: partyId(myGln) },
      { type: "location", id: locationId(leg?.shipFromGln ?? siteGln) },
    ],
    destinationList: [
      { type: "owning_party", id: partyId(destination.organization.gln) },
      { type: "possessing_party", id: partyId(nextHolder.gln) },
      ...(destination.locationGln
        ? [{ type: "location" as const, id: locationId(destination.locationGln) }]
        : []),
    ],
  } satisfies Partial<EpcisEvent>;
  return { event, nextHolder, hasCarrier: carrier !== null };
}
