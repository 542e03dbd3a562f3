import "server-only";
import type { Member } from "@/lib/auth/session";
import type { Tx } from "@/lib/db/client";
import { assertWithinHeld } from "@/lib/epcis/quantity";
import { assertLotCodeFree, requireHeldLot } from "@/lib/lots/guards";
import type { EventWrite } from "../enqueue-event";
import { eventBase } from "../event-base";
import { type FormValues, requireDate, requireReferenceDocument } from "../kde";
import { requireOwnLocation } from "../locations";
import { heldQuantityList, newLotTuple, quantityElement } from "../new-lots";
import { parseOutputs } from "./outputs";

/**
 * Splits a held lot into two or more lots of the same product, each with its own lot code (and,
 * optionally, packages). Together they cannot hold more than the lot did.
 */
export async function planSplit(tx: Tx, member: Member, values: FormValues): Promise<EventWrite> {
  const lot = await requireHeldLot(tx, member, values.lotId ?? "", "be split");
  const location = await requireOwnLocation(tx, member, values.locationGln);
  const outputs = parseOutputs(values, { min: 2, fixedGtin: lot.gtin });
  const last = outputs[outputs.length - 1];
  // Each new lot in the lot's unit and within it, then all of them together.
  for (const output of outputs) assertWithinHeld(lot, output, `${output.prefix}quantity`);
  const total = String(Number(outputs.reduce((sum, o) => sum + Number(o.quantity), 0).toFixed(3)));
  assertWithinHeld(lot, { quantity: total, unit: lot.unit ?? "" }, `${last?.prefix}quantity`);
  const splitDate = requireDate(values, "splitDate", "date of the split");
  const document = requireReferenceDocument(values);
  for (const output of outputs) await assertLotCodeFree(tx, output, `${output.prefix}lotCode`);
  return {
    method: "split",
    args: (hash) => [lot.id, outputs.map(newLotTuple), hash],
    lotId: lot.id,
    newLots: outputs,
    body: {
      ...eventBase({
        member,
        cte: "split",
        type: "TransformationEvent",
        bizStep: "repackaging",
        disposition: "active",
        locationGln: location.gln,
        date: splitDate,
        document,
      }),
      inputQuantityList: heldQuantityList(lot),
      outputQuantityList: outputs.map(quantityElement),
      kde: { tlcSourceGln: location.gln },
    },
  };
}
