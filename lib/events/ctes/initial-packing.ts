import "server-only";
import type { Member } from "@/lib/auth/session";
import type { Tx } from "@/lib/db/client";
import { lotEpcClass } from "@/lib/epcis/event";
import { assertWithinHeld, parseQuantity, parseUnit, uomOf } from "@/lib/epcis/quantity";
import { assertLotCodeFree } from "@/lib/lots/guards";
import type { EventWrite } from "../enqueue-event";
import { eventBase } from "../event-base";
import {
  type FormValues,
  optionalPhone,
  optionalText,
  requireDate,
  requireReferenceDocument,
  requireText,
} from "../kde";
import { requireOwnLocation } from "../locations";
import { atField, createLotArgs, newLotTuple, parseNewLot, quantityElement } from "../new-lots";
import { requireInputLots } from "./input-lots";

/**
 * Initial packing (21 CFR 1.1330): assigns the traceability lot code. Packed from lots already on the
 * ledger (a harvest) it is a transformation of them, so the lineage leads back to the field; packed
 * from a grower outside LotLedger it registers a new lot with the grower's details typed in.
 */
export async function planInitialPacking(
  tx: Tx,
  member: Member,
  values: FormValues,
): Promise<EventWrite> {
  const inputs = values.inputLotIds
    ? await requireInputLots(tx, member, values, { min: 1, action: "be packed" })
    : [];
  const location = await requireOwnLocation(tx, member, values.locationGln);
  const received = {
    quantity: atField("quantityReceived", () => parseQuantity(values.quantityReceived ?? "")),
    unit: atField("unitReceived", () => parseUnit(values.unitReceived ?? "")),
  };
  if (inputs.length === 1 && inputs[0]) assertWithinHeld(inputs[0], received, "quantityReceived");
  const ilmd = {
    productDescription: requireText(values, "productDescription", "product description"),
    commodity: requireText(values, "commodity", "commodity"),
    variety: requireText(values, "variety", "variety"),
    dateReceived: requireDate(values, "dateReceived", "date received"),
    harvestLocation: requireText(
      values,
      "harvestLocation",
      "farm location where it was harvested",
      200,
    ),
    fieldName: requireText(values, "fieldName", "field or growing area"),
    harvesterBusinessName: requireText(
      values,
      "harvesterBusinessName",
      "harvester's business name",
    ),
    harvesterPhone: optionalPhone(values, "harvesterPhone", "harvester's phone"),
    harvestDate: requireDate(values, "harvestDate", "harvest date"),
    coolingLocation: optionalText(values, "coolingLocation", "cooling location", 200),
    coolingDate: values.coolingDate ? requireDate(values, "coolingDate", "cooling date") : null,
    packingDate: requireDate(values, "packingDate", "packing date"),
  };
  const lot = parseNewLot(values);
  const document = requireReferenceDocument(values);
  await assertLotCodeFree(tx, lot);
  const receivedElements = inputs.map((input) => ({
    epcClass: lotEpcClass(input.gtin, input.lotCode),
    quantity: Number(inputs.length === 1 ? received.quantity : (input.quantity ?? 0)),
    uom: uomOf(received.unit),
  }));
  const base = eventBase({
    member,
    cte: "initial_packing",
    type: inputs.length > 0 ? "TransformationEvent" : "ObjectEvent",
    action: inputs.length > 0 ? undefined : "ADD",
    bizStep: inputs.length > 0 ? "packing" : "commissioning",
    disposition: "active",
    locationGln: location.gln,
    date: ilmd.packingDate,
    document,
  });
  const quantities =
    inputs.length > 0
      ? { inputQuantityList: receivedElements, outputQuantityList: [quantityElement(lot)] }
      : { quantityList: [quantityElement(lot)] };
  return {
    method: inputs.length > 0 ? "transform" : "createLot",
    args:
      inputs.length > 0
        ? (hash) => [inputs.map((input) => input.id), [newLotTuple(lot)], hash]
        : createLotArgs(lot),
    lotId: inputs[0]?.id ?? lot.id,
    newLots: [lot],
    body: {
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
