import "server-only";
import { z } from "zod";
import type { Member } from "@/lib/auth/session";
import type { Tx } from "@/lib/db/client";
import { kdeDate, referenceDocumentFields, referenceDocumentOf } from "@/lib/epcis/kde";
import { assertWithinHeld } from "@/lib/epcis/quantity";
import { AppError } from "@/lib/errors";
import { chosen, parseInput } from "@/lib/input";
import { assertLotCodeFree } from "@/lib/lots/guards";
import { EVENT_FIELDS_AS_JSON } from "../cte-rules";
import { eventBase } from "../event-base";
import type { EventWrite } from "../ledger-write";
import { CHOOSE_OWN_LOCATION, requireOwnLocation } from "../locations";
import { heldQuantityList, newLot, newLotFields, newLotStruct, quantityElement } from "../new-lots";
import { requireInputLots } from "./input-lots";

const mergeInput = z.object({
  locationGln: chosen(CHOOSE_OWN_LOCATION),
  ...newLotFields,
  mergeDate: kdeDate("date of the merge"),
  ...referenceDocumentFields,
});

/**
 * Merges two or more held lots of one product into a new lot (commingling): the new lot's lineage
 * names every input, so a recall of any of them reaches it.
 */
export async function planMerge(tx: Tx, member: Member, values: unknown): Promise<EventWrite> {
  const inputs = await requireInputLots(tx, member, values, { min: 2, action: "be merged" });
  const first = inputs[0] as (typeof inputs)[number];
  if (inputs.some((held) => held.gtin !== first.gtin)) {
    throw new AppError(
      "INVALID_INPUT",
      "Only lots of the same product (GTIN) can be merged: use a transformation to make a new product.",
      { field: "inputLotIds" },
    );
  }
  const input = parseInput(mergeInput, values, EVENT_FIELDS_AS_JSON);
  const location = await requireOwnLocation(tx, member, input.locationGln);
  const output = newLot({ ...input, gtin: first.gtin });
  const held = inputs.reduce((sum, lot) => sum + Number(lot.quantity ?? 0), 0);
  assertWithinHeld(
    {
      lotCode: inputs.map((lot) => lot.lotCode).join(" + "),
      quantity: String(held),
      unit: first.unit,
    },
    output,
  );
  await assertLotCodeFree(tx, output);
  return {
    call: (payloadHash) => ({
      method: "merge",
      args: [inputs.map((lot) => lot.id), newLotStruct(output), payloadHash],
    }),
    lotId: first.id,
    newLots: [output],
    payload: {
      ...eventBase({
        member,
        cte: "merge",
        type: "TransformationEvent",
        bizStep: "repackaging",
        disposition: "active",
        locationGln: location.gln,
        date: input.mergeDate,
        document: referenceDocumentOf(input),
      }),
      inputQuantityList: inputs.flatMap(heldQuantityList),
      outputQuantityList: [quantityElement(output)],
      kde: { tlcSourceGln: location.gln },
    },
  };
}
