import "server-only";
import { z } from "zod";
import type { Member } from "@/lib/auth/session";
import type { Tx } from "@/lib/db/client";
import { lotEpcClass } from "@/lib/epcis/event";
import {
  kdeDate,
  kdeText,
  optionalKdeDate,
  optionalKdeText,
  optionalPhone,
  referenceDocumentFields,
  referenceDocumentOf,
} from "@/lib/epcis/kde";
import { assertWithinHeld, uomOf } from "@/lib/epcis/quantity";
import { chosen, parseInput } from "@/lib/input";
import { assertLotCodeFree } from "@/lib/lots/guards";
import { EVENT_FIELDS_AS_JSON } from "../cte-rules";
import { eventBase } from "../event-base";
import type { EventWrite } from "../ledger-write";
import { CHOOSE_OWN_LOCATION, requireOwnLocation } from "../locations";
import { createLotCall, newLot, newLotSchema, newLotStruct, quantityElement } from "../new-lots";
import { hasInputLots, requireInputLots } from "./input-lots";

const initialPackingInput = z.object({
  locationGln: chosen(CHOOSE_OWN_LOCATION),
  quantityReceived: newLotSchema.shape.quantity,
  unitReceived: newLotSchema.shape.unit,
  productDescription: kdeText("product description"),
  commodity: kdeText("commodity"),
  variety: kdeText("variety"),
  dateReceived: kdeDate("date received"),
  harvestLocation: kdeText("farm location where it was harvested", 200),
  fieldName: kdeText("field or growing area"),
  harvesterBusinessName: kdeText("harvester's business name"),
  harvesterPhone: optionalPhone("harvester's phone"),
  harvestDate: kdeDate("harvest date"),
  coolingLocation: optionalKdeText("cooling location", 200),
  coolingDate: optionalKdeDate("cooling date"),
  packingDate: kdeDate("packing date"),
  ...newLotSchema.shape,
  ...referenceDocumentFields,
});

/**
 * Initial packing (21 CFR 1.1330): assigns the traceability lot code. Packed from lots already on the
 * ledger (a harvest) it is a transformation of them, so the lineage leads back to the field; packed
 * from a grower outside LotLedger it registers a new lot with the grower's details typed in.
 */
export async function planInitialPacking(
  tx: Tx,
  member: Member,
  values: unknown,
): Promise<EventWrite> {
  // Packed from lots on the ledger when any are chosen; else from a grower outside LotLedger.
  const inputs = hasInputLots(values)
    ? await requireInputLots(tx, member, values, { min: 1, action: "be packed" })
    : [];
  const input = parseInput(initialPackingInput, values, EVENT_FIELDS_AS_JSON);
  const location = await requireOwnLocation(tx, member, input.locationGln);
  const received = { quantity: input.quantityReceived, unit: input.unitReceived };
  if (inputs.length === 1 && inputs[0]) assertWithinHeld(inputs[0], received, "quantityReceived");
  const { productDescription, commodity, variety, dateReceived, harvestLocation, fieldName } =
    input;
  const { harvesterBusinessName, harvesterPhone, harvestDate, coolingLocation, coolingDate } =
    input;
  const ilmd = {
    ...{ productDescription, commodity, variety, dateReceived, harvestLocation, fieldName },
    ...{ harvesterBusinessName, harvesterPhone, harvestDate, coolingLocation, coolingDate },
    packingDate: input.packingDate,
  };
  const lot = newLot(input);
  await assertLotCodeFree(tx, lot);
  const receivedElements = inputs.map((held) => ({
    epcClass: lotEpcClass(held.gtin, held.lotCode),
    quantity: Number(inputs.length === 1 ? received.quantity : (held.quantity ?? 0)),
    uom: uomOf(received.unit),
  }));
  const isFromLedger = inputs.length > 0;
  const base = eventBase({
    member,
    cte: "initial_packing",
    type: isFromLedger ? "TransformationEvent" : "ObjectEvent",
    action: isFromLedger ? undefined : "ADD",
    bizStep: isFromLedger ? "packing" : "commissioning",
    disposition: "active",
    locationGln: location.gln,
    date: ilmd.packingDate,
    document: referenceDocumentOf(input),
  });
  const quantities = isFromLedger
    ? { inputQuantityList: receivedElements, outputQuantityList: [quantityElement(lot)] }
    : { quantityList: [quantityElement(lot)] };
  return {
    call: isFromLedger
      ? (payloadHash) => ({
          method: "transform",
          args: [inputs.map((held) => held.id), [newLotStruct(lot)], payloadHash],
        })
      : createLotCall(lot),
    lotId: inputs[0]?.id ?? lot.id,
    newLots: [lot],
    payload: {
      ...base,
      ...quantities,
      ilmd,
      kde: {
        quantityReceived: received.quantity,
        unitReceived: received.unit,
        tlcSourceGln: location.gln,
      },
    },
  };
}
