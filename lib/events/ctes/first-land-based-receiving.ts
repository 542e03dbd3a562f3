import "server-only";
import type { Member } from "@/lib/auth/session";
import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { assertLotCodeFree } from "@/lib/lots/guards";
import type { EventWrite } from "../enqueue-event";
import { type FormValues, requireDate, requireReferenceDocument, requireText } from "../kde";
import { requireOwnLocation } from "../locations";
import { parseNewLot } from "../new-lots";
import { commissionLotWrite } from "./commission-lot";

/**
 * First land-based receiving (21 CFR 1.1335) of food from a fishing vessel: the receiver assigns the
 * traceability lot code, with the harvest date range and catch locations of the trip.
 */
export async function planFirstLandBasedReceiving(
  tx: Tx,
  member: Member,
  values: FormValues,
): Promise<EventWrite> {
  const location = await requireOwnLocation(tx, member, values.locationGln);
  const lot = parseNewLot(values);
  const productDescription = requireText(
    values,
    "productDescription",
    "species or product description",
  );
  const harvestDateStart = requireDate(values, "harvestDateStart", "first harvest date");
  const harvestDateEnd = requireDate(values, "harvestDateEnd", "last harvest date");
  if (harvestDateEnd < harvestDateStart) {
    throw new AppError(
      "INVALID_INPUT",
      "The last harvest date is before the first: check the dates.",
      {
        field: "harvestDateEnd",
      },
    );
  }
  const catchLocations = requireText(values, "catchLocations", "catch locations", 300);
  const landingDate = requireDate(values, "landingDate", "landing date");
  const document = requireReferenceDocument(values);
  await assertLotCodeFree(tx, lot);
  return commissionLotWrite({
    member,
    cte: "first_land_based_receiving",
    lot,
    locationGln: location.gln,
    date: landingDate,
    document,
    extra: {
      ilmd: { productDescription, harvestDateStart, harvestDateEnd, catchLocations, landingDate },
      kde: { tlcSourceGln: location.gln },
    },
  });
}
