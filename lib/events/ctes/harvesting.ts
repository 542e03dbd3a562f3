import "server-only";
import { z } from "zod";
import type { Member } from "@/lib/auth/session";
import type { Tx } from "@/lib/db/client";
import { locationId } from "@/lib/epcis/event";
import { kdeDate, kdeText, referenceDocumentFields, referenceDocumentOf } from "@/lib/epcis/kde";
import { chosen, parseInput } from "@/lib/input";
import { assertLotCodeFree } from "@/lib/lots/guards";
import { EVENT_FIELDS_AS_JSON } from "../cte-rules";
import type { EventWrite } from "../ledger-write";
import { CHOOSE_OWN_LOCATION, requireOwnLocation, requirePartnerLocation } from "../locations";
import { gtinField, newLot, newLotFields } from "../new-lots";
import { commissionLotWrite } from "./commission-lot";

/** The harvest form: where, the new lot (no packages yet), what was harvested, where it goes next. */
const harvestingInput = z.object({
  locationGln: chosen(CHOOSE_OWN_LOCATION),
  gtin: gtinField,
  lotCode: newLotFields.lotCode,
  quantity: newLotFields.quantity,
  unit: newLotFields.unit,
  commodity: kdeText("commodity"),
  variety: kdeText("variety"),
  fieldName: kdeText("field or growing area"),
  harvestDate: kdeDate("harvest date"),
  recipientLocationGln: chosen("Choose the immediate subsequent recipient from the list."),
  ...referenceDocumentFields,
});

/**
 * Harvesting (21 CFR 1.1327): the farm registers the harvested batch as a lot on the ledger, with the
 * commodity and variety, field, harvest date and the immediate subsequent recipient's location.
 */
export async function planHarvesting(tx: Tx, member: Member, values: unknown): Promise<EventWrite> {
  const input = parseInput(harvestingInput, values, EVENT_FIELDS_AS_JSON);
  const location = await requireOwnLocation(tx, member, input.locationGln);
  const recipient = await requirePartnerLocation(
    tx,
    input.recipientLocationGln,
    "recipientLocationGln",
    "immediate subsequent recipient",
  );
  const lot = newLot(input);
  await assertLotCodeFree(tx, lot);
  const { commodity, variety, fieldName, harvestDate } = input;
  return commissionLotWrite({
    member,
    cte: "harvesting",
    lot,
    locationGln: location.gln,
    date: harvestDate,
    document: referenceDocumentOf(input),
    extra: {
      destinationList: [{ type: "location", id: locationId(recipient.gln) }],
      ilmd: { commodity, variety, harvestDate, fieldName },
    },
  });
}
