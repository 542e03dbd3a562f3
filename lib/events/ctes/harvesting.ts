import "server-only";
import type { Member } from "@/lib/auth/session";
import type { Tx } from "@/lib/db/client";
import { locationId } from "@/lib/epcis/event";
import { assertLotCodeFree } from "@/lib/lots/guards";
import type { EventWrite } from "../enqueue-event";
import { type FormValues, requireDate, requireReferenceDocument, requireText } from "../kde";
import { requireOwnLocation, requirePartnerLocation } from "../locations";
import { parseNewLot } from "../new-lots";
import { commissionLotWrite } from "./commission-lot";

/**
 * Harvesting (21 CFR 1.1327): the farm registers the harvested batch as a lot on the ledger, with the
 * commodity and variety, field, harvest date and the immediate subsequent recipient's location.
 */
export async function planHarvesting(
  tx: Tx,
  member: Member,
  values: FormValues,
): Promise<EventWrite> {
  const location = await requireOwnLocation(tx, member, values.locationGln);
  const lot = parseNewLot({ ...values, packages: "" });
  const commodity = requireText(values, "commodity", "commodity");
  const variety = requireText(values, "variety", "variety");
  const fieldName = requireText(values, "fieldName", "field or growing area");
  const harvestDate = requireDate(values, "harvestDate", "harvest date");
  const recipient = await requirePartnerLocation(
    tx,
    values.recipientLocationGln,
    "recipientLocationGln",
    "immediate subsequent recipient",
  );
  const document = requireReferenceDocument(values);
  await assertLotCodeFree(tx, lot);
  return commissionLotWrite({
    member,
    cte: "harvesting",
    lot,
    locationGln: location.gln,
    date: harvestDate,
    document,
    extra: {
      destinationList: [{ type: "location", id: locationId(recipient.gln) }],
      ilmd: { commodity, variety, harvestDate, fieldName },
    },
  });
}
