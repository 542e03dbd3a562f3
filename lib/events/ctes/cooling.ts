import "server-only";
import { encodeBytes32String } from "ethers";
import type { Member } from "@/lib/auth/session";
import type { Tx } from "@/lib/db/client";
import { locationId } from "@/lib/epcis/event";
import { assertWithinHeld, parseQuantity, parseUnit } from "@/lib/epcis/quantity";
import { requireHeldLot } from "@/lib/lots/guards";
import type { EventWrite } from "../enqueue-event";
import { eventBase } from "../event-base";
import { type FormValues, requireDate, requireReferenceDocument } from "../kde";
import { requireOwnLocation, requirePartnerLocation } from "../locations";
import { atField, quantityElement } from "../new-lots";

/**
 * Cooling (21 CFR 1.1330) of a lot the organisation holds, recorded on the ledger as a tracking
 * event of the lot: where and when it was cooled, how much, and who receives it next.
 */
export async function planCooling(tx: Tx, member: Member, values: FormValues): Promise<EventWrite> {
  const lot = await requireHeldLot(tx, member, values.lotId ?? "", "be cooled");
  const location = await requireOwnLocation(tx, member, values.locationGln);
  const coolingDate = requireDate(values, "coolingDate", "cooling date");
  const quantity = atField("quantity", () => parseQuantity(values.quantity ?? ""));
  const unit = atField("unit", () => parseUnit(values.unit ?? ""));
  assertWithinHeld(lot, { quantity, unit });
  const recipient = await requirePartnerLocation(
    tx,
    values.recipientLocationGln,
    "recipientLocationGln",
    "immediate subsequent recipient",
  );
  const document = requireReferenceDocument(values);
  return {
    method: "recordEvent",
    args: (hash) => [lot.id, encodeBytes32String("cooling"), hash],
    lotId: lot.id,
    body: {
      ...eventBase({
        member,
        cte: "cooling",
        action: "OBSERVE",
        // CBV has no "cooling" step: storing is the nearest, and `cte` says which FSMA event it is.
        bizStep: "storing",
        disposition: "active",
        locationGln: location.gln,
        date: coolingDate,
        document,
      }),
      quantityList: [quantityElement({ ...lot, quantity, unit })],
      destinationList: [{ type: "location", id: locationId(recipient.gln) }],
      kde: { coolingDate },
    },
  };
}
