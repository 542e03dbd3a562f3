import "server-only";
import { z } from "zod";
import type { Member } from "@/lib/auth/session";
import type { Tx } from "@/lib/db/client";
import { kdeDate, referenceDocumentFields, referenceDocumentOf } from "@/lib/epcis/kde";
import { assertWithinHeld } from "@/lib/epcis/quantity";
import { chosen, parseInput } from "@/lib/input";
import { assertLotCodeFree, notHeldMessage, requireHeldLot } from "@/lib/lots/guards";
import { EVENT_FIELDS_AS_JSON } from "../cte-rules";
import { eventBase } from "../event-base";
import type { EventWrite } from "../ledger-write";
import { CHOOSE_OWN_LOCATION, requireOwnLocation } from "../locations";
import {
  assertDistinctLots,
  heldQuantityList,
  newLot,
  newLotFields,
  newLotStruct,
  outputRows,
  quantityElement,
} from "../new-lots";

/** The lot split: checked against the ledger's state before the rest of the form. */
const splitLotInput = z.object({ lotId: chosen(notHeldMessage("be split")) });

const splitInput = z.object({
  locationGln: chosen(CHOOSE_OWN_LOCATION),
  // A split keeps the lot's product: its new lots take the lot's GTIN.
  outputs: outputRows(z.object(newLotFields), 2),
  splitDate: kdeDate("date of the split"),
  ...referenceDocumentFields,
});

/**
 * Splits a held lot into two or more lots of the same product, each with its own lot code (and,
 * optionally, packages). Together they cannot hold more than the lot did.
 */
export async function planSplit(tx: Tx, member: Member, values: unknown): Promise<EventWrite> {
  const { lotId } = parseInput(splitLotInput, values, EVENT_FIELDS_AS_JSON);
  const lot = await requireHeldLot(tx, member, lotId, "be split");
  const input = parseInput(splitInput, values, EVENT_FIELDS_AS_JSON);
  const location = await requireOwnLocation(tx, member, input.locationGln);
  const outputs = input.outputs.map((row) => ({
    ...newLot({ ...row, gtin: lot.gtin }),
    prefix: row.prefix,
  }));
  assertDistinctLots(outputs);
  const last = outputs[outputs.length - 1];
  // Each new lot in the lot's unit and within it, then all of them together.
  for (const output of outputs) assertWithinHeld(lot, output, `${output.prefix}quantity`);
  const total = String(Number(outputs.reduce((sum, o) => sum + Number(o.quantity), 0).toFixed(3)));
  assertWithinHeld(lot, { quantity: total, unit: lot.unit ?? "" }, `${last?.prefix}quantity`);
  for (const output of outputs) await assertLotCodeFree(tx, output, `${output.prefix}lotCode`);
  return {
    call: (payloadHash) => ({
      method: "split",
      args: [lot.id, outputs.map(newLotStruct), payloadHash],
    }),
    lotId: lot.id,
    newLots: outputs,
    payload: {
      ...eventBase({
        member,
        cte: "split",
        type: "TransformationEvent",
        bizStep: "repackaging",
        disposition: "active",
        locationGln: location.gln,
        date: input.splitDate,
        document: referenceDocumentOf(input),
      }),
      inputQuantityList: heldQuantityList(lot),
      outputQuantityList: outputs.map(quantityElement),
      kde: { tlcSourceGln: location.gln },
    },
  };
}
