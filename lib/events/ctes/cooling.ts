import "server-only";
import { encodeBytes32String } from "ethers";
import { z } from "zod";
import type { Member } from "@/lib/auth/session";
import type { Tx } from "@/lib/db/client";
import { locationId } from "@/lib/epcis/event";
import { kdeDate, referenceDocumentFields, referenceDocumentOf } from "@/lib/epcis/kde";
import { assertWithinHeld } from "@/lib/epcis/quantity";
import { chosen, parseInput } from "@/lib/input";
import { notHeldMessage, requireHeldLot } from "@/lib/lots/guards";
import { EVENT_FIELDS_AS_JSON } from "../cte-rules";
import { eventBase } from "../event-base";
import type { EventWrite } from "../ledger-write";
import { CHOOSE_OWN_LOCATION, requireOwnLocation, requirePartnerLocation } from "../locations";
import { newLotFields, quantityElement } from "../new-lots";

/** The lot cooled: checked against the ledger's state before the rest of the form. */
const cooledLotInput = z.object({ lotId: chosen(notHeldMessage("be cooled")) });

const coolingInput = z.object({
  locationGln: chosen(CHOOSE_OWN_LOCATION),
  coolingDate: kdeDate("cooling date"),
  quantity: newLotFields.quantity,
  unit: newLotFields.unit,
  recipientLocationGln: chosen("Choose the immediate subsequent recipient from the list."),
  ...referenceDocumentFields,
});

/**
 * Cooling (21 CFR 1.1330) of a lot the organisation holds, recorded on the ledger as a tracking
 * event of the lot: where and when it was cooled, how much, and who receives it next.
 */
export async function planCooling(tx: Tx, member: Member, values: unknown): Promise<EventWrite> {
  const { lotId } = parseInput(cooledLotInput, values, EVENT_FIELDS_AS_JSON);
  const lot = await requireHeldLot(tx, member, lotId, "be cooled", [], { mayBeOnHold: true });
  const input = parseInput(coolingInput, values, EVENT_FIELDS_AS_JSON);
  const location = await requireOwnLocation(tx, member, input.locationGln);
  const { coolingDate, quantity, unit } = input;
  assertWithinHeld(lot, { quantity, unit });
  const recipient = await requirePartnerLocation(
    tx,
    input.recipientLocationGln,
    "recipientLocationGln",
    "immediate subsequent recipient",
  );
  return {
    call: (payloadHash) => ({
      method: "recordEvent",
      args: [lot.id, encodeBytes32String("cooling"), payloadHash],
    }),
    lotId: lot.id,
    payload: {
      ...eventBase({
        member,
        cte: "cooling",
        action: "OBSERVE",
        // CBV has no "cooling" step: storing is the nearest, and `cte` says which FSMA event it is.
        bizStep: "storing",
        disposition: "active",
        locationGln: location.gln,
        date: coolingDate,
        document: referenceDocumentOf(input),
      }),
      quantityList: [quantityElement({ ...lot, quantity, unit })],
      destinationList: [{ type: "location", id: locationId(recipient.gln) }],
      kde: { coolingDate },
    },
  };
}
