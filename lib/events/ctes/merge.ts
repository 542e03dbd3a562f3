import "server-only";
import type { Member } from "@/lib/auth/session";
import type { Tx } from "@/lib/db/client";
import { assertWithinHeld } from "@/lib/epcis/quantity";
import { AppError } from "@/lib/errors";
import { assertLotCodeFree } from "@/lib/lots/guards";
import type { EventWrite } from "../enqueue-event";
import { eventBase } from "../event-base";
import { type FormValues, requireDate, requireReferenceDocument } from "../kde";
import { requireOwnLocation } from "../locations";
import { heldQuantityList, newLotTuple, parseNewLot, quantityElement } from "../new-lots";
import { requireInputLots } from "./input-lots";

/**
 * Merges two or more held lots of one product into a new lot (commingling): the new lot's lineage
 * names every input, so a recall of any of them reaches it.
 */
export async function planMerge(tx: Tx, member: Member, values: FormValues): Promise<EventWrite> {
  const inputs = await requireInputLots(tx, member, values, { min: 2, action: "be merged" });
  const first = inputs[0] as (typeof inputs)[number];
  if (inputs.some((input) => input.gtin !== first.gtin)) {
    throw new AppError(
      "INVALID_INPUT",
      "Only lots of the same product (GTIN) can be merged: use a transformation to make a new product.",
      { field: "inputLotIds" },
    );
  }
  const location = await requireOwnLocation(tx, member, values.locationGln);
  const output = parseNewLot(values, "", first.gtin);
  const held = inputs.reduce((sum, input) => sum + Number(input.quantity ?? 0), 0);
  assertWithinHeld(
    {
      lotCode: inputs.map((input) => input.lotCode).join(" + "),
      quantity: String(held),
      unit: first.unit,
    },
    output,
  );
  const mergeDate = requireDate(values, "mergeDate", "date of the merge");
  const document = requireReferenceDocument(values);
  await assertLotCodeFree(tx, output);
  return {
    method: "merge",
    args: (hash) => [inputs.map((input) => input.id), newLotTuple(output), hash],
    lotId: first.id,
    newLots: [output],
    body: {
      ...eventBase({
        member,
        cte: "merge",
        type: "TransformationEvent",
        bizStep: "repackaging",
        disposition: "active",
        locationGln: location.gln,
        date: mergeDate,
        document,
      }),
      inputQuantityList: inputs.flatMap(heldQuantityList),
      outputQuantityList: [quantityElement(output)],
      kde: { tlcSourceGln: location.gln },
    },
  };
}
