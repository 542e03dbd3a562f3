import "server-only";
import { z } from "zod";
import type { Member } from "@/lib/auth/session";
import type { Tx } from "@/lib/db/client";
import { kdeDate, kdeText, referenceDocumentFields, referenceDocumentOf } from "@/lib/epcis/kde";
import { assertWithinHeld, parseQuantity } from "@/lib/epcis/quantity";
import { chosen, parsedBy, parseInput } from "@/lib/input";
import { assertLotCodeFree } from "@/lib/lots/guards";
import { EVENT_FIELDS_AS_JSON } from "../cte-rules";
import { eventBase } from "../event-base";
import type { EventWrite } from "../ledger-write";
import { CHOOSE_OWN_LOCATION, requireOwnLocation } from "../locations";
import {
  assertDistinctLots,
  newLot,
  newLotSchema,
  newLotStruct,
  outputRows,
  quantityElement,
} from "../new-lots";
import { requireInputLots } from "./input-lots";

const transformationInput = z.object({
  /** The quantity used of each input lot (`used.<lotId>`), checked against the lot once it is known. */
  used: z.record(z.string(), z.unknown()).default({}),
  locationGln: chosen(CHOOSE_OWN_LOCATION),
  outputs: outputRows(
    newLotSchema.extend({
      productDescription: kdeText("product description of the new lot"),
    }),
    1,
  ),
  dateCompleted: kdeDate("date the transformation was completed"),
  ...referenceDocumentFields,
});

/** The quantity used of one input lot, at its own field `used.<lotId>`. */
function parseUsed(used: Record<string, unknown>, lotId: string): string {
  const schema = z.object({ used: z.object({ [lotId]: parsedBy(parseQuantity) }) });
  return parseInput(schema, { used }, EVENT_FIELDS_AS_JSON).used[lotId] as string;
}

/**
 * Transformation (21 CFR 1.1340): held lots are used up to make new lots, each with its own
 * traceability lot code; the ledger links every output to every input. The quantity used of each
 * input is a key data element (`used.<lotId>`), at most what the lot holds.
 */
export async function planTransformation(
  tx: Tx,
  member: Member,
  values: unknown,
): Promise<EventWrite> {
  const inputs = await requireInputLots(tx, member, values, { min: 1, action: "be transformed" });
  const input = parseInput(transformationInput, values, EVENT_FIELDS_AS_JSON);
  const used = inputs.map((held) => {
    const field = `used.${held.id}`;
    const quantity = parseUsed(input.used, held.id);
    const unit = held.unit ?? "kg";
    assertWithinHeld(held, { quantity, unit }, field);
    return { held, quantity, unit };
  });
  const location = await requireOwnLocation(tx, member, input.locationGln);
  const outputs = input.outputs.map((row) => ({ ...newLot(row), prefix: row.prefix }));
  assertDistinctLots(outputs);
  const descriptions = input.outputs.map((row) => [row.lotCode, row.productDescription]);
  for (const lot of outputs) await assertLotCodeFree(tx, lot, `${lot.prefix}lotCode`);
  return {
    call: (payloadHash) => ({
      method: "transform",
      args: [inputs.map((held) => held.id), outputs.map(newLotStruct), payloadHash],
    }),
    lotId: inputs[0]?.id as string,
    newLots: outputs,
    payload: {
      ...eventBase({
        member,
        cte: "transformation",
        type: "TransformationEvent",
        bizStep: "transforming",
        disposition: "active",
        locationGln: location.gln,
        date: input.dateCompleted,
        document: referenceDocumentOf(input),
      }),
      inputQuantityList: used.map(({ held, quantity, unit }) =>
        quantityElement({ ...held, quantity, unit }),
      ),
      outputQuantityList: outputs.map(quantityElement),
      ilmd: {
        dateCompleted: input.dateCompleted,
        productDescriptions: Object.fromEntries(descriptions),
      },
      kde: { tlcSourceGln: location.gln },
    },
  };
}
