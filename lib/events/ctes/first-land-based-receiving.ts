import "server-only";
import { z } from "zod";
import type { Member } from "@/lib/auth/session";
import type { Tx } from "@/lib/db/client";
import { kdeDate, kdeText, referenceDocumentFields, referenceDocumentOf } from "@/lib/epcis/kde";
import { chosen, parseInput } from "@/lib/input";
import { assertLotCodeFree } from "@/lib/lots/guards";
import { EVENT_FIELDS_AS_JSON } from "../cte-rules";
import type { EventWrite } from "../ledger-write";
import { CHOOSE_OWN_LOCATION, requireOwnLocation } from "../locations";
import { newLot, newLotSchema } from "../new-lots";
import { commissionLotWrite } from "./commission-lot";

const firstLandBasedReceivingInput = z
  .object({
    locationGln: chosen(CHOOSE_OWN_LOCATION),
    ...newLotSchema.shape,
    productDescription: kdeText("species or product description"),
    harvestDateStart: kdeDate("first harvest date"),
    harvestDateEnd: kdeDate("last harvest date"),
    catchLocations: kdeText("catch locations", 300),
    landingDate: kdeDate("landing date"),
    ...referenceDocumentFields,
  })
  .refine((input) => input.harvestDateEnd >= input.harvestDateStart, {
    message: "The last harvest date is before the first: check the dates.",
    path: ["harvestDateEnd"],
  });

/**
 * First land-based receiving (21 CFR 1.1335) of food from a fishing vessel: the receiver assigns the
 * traceability lot code, with the harvest date range and catch locations of the trip.
 */
export async function planFirstLandBasedReceiving(
  tx: Tx,
  member: Member,
  values: unknown,
): Promise<EventWrite> {
  const input = parseInput(firstLandBasedReceivingInput, values, EVENT_FIELDS_AS_JSON);
  const location = await requireOwnLocation(tx, member, input.locationGln);
  const lot = newLot(input);
  await assertLotCodeFree(tx, lot);
  const { productDescription, harvestDateStart, harvestDateEnd, catchLocations, landingDate } =
    input;
  return commissionLotWrite({
    member,
    cte: "first_land_based_receiving",
    lot,
    locationGln: location.gln,
    date: landingDate,
    document: referenceDocumentOf(input),
    extra: {
      ilmd: { productDescription, harvestDateStart, harvestDateEnd, catchLocations, landingDate },
      kde: { tlcSourceGln: location.gln },
    },
  });
}
