import "server-only";
import type { Member } from "@/lib/auth/session";
import type { Tx } from "@/lib/db/client";
import { assertWithinHeld, parseQuantity } from "@/lib/epcis/quantity";
import { assertLotCodeFree } from "@/lib/lots/guards";
import type { EventWrite } from "../enqueue-event";
import { eventBase } from "../event-base";
import { type FormValues, requireDate, requireReferenceDocument, requireText } from "../kde";
import { requireOwnLocation } from "../locations";
import { atField, newLotTuple, quantityElement } from "../new-lots";
import { requireInputLots } from "./input-lots";
import { parseOutputs } from "./outputs";

/**
 * Transformation (21 CFR 1.1340): held lots are used up to make new lots, each with its own
 * traceability lot code; the ledger links every output to every input. The quantity used of each
 * input is a key data element (`used.<lotId>`), at most what the lot holds.
 */
export async function planTransformation(
  tx: Tx,
  member: Member,
  values: FormValues,
): Promise<EventWrite> {
  const inputs = await requireInputLots(tx, member, values, { min: 1, action: "be transformed" });
  const used = inputs.map((input) => {
    const field = `used.${input.id}`;
    const quantity = atField(field, () => parseQuantity(values[field] ?? ""));
    const unit = input.unit ?? "kg";
    assertWithinHeld(input, { quantity, unit }, field);
    return { input, quantity, unit };
  });
  const location = await requireOwnLocation(tx, member, values.locationGln);
  const outputs = parseOutputs(values, { min: 1 });
  const descriptions = outputs.map((lot) =>
    requireText(values, `${lot.prefix}productDescription`, "product description of the new lot"),
  );
  const dateCompleted = requireDate(
    values,
    "dateCompleted",
    "date the transformation was completed",
  );
  const document = requireReferenceDocument(values);
  for (const lot of outputs) await assertLotCodeFree(tx, lot, `${lot.prefix}lotCode`);
  return {
    method: "transform",
    args: (hash) => [inputs.map((input) => input.id), outputs.map(newLotTuple), hash],
    lotId: inputs[0]?.id as string,
    newLots: outputs,
    body: {
      ...eventBase({
        member,
        cte: "transformation",
        type: "TransformationEvent",
        bizStep: "transforming",
        disposition: "active",
        locationGln: location.gln,
        date: dateCompleted,
        document,
      }),
      inputQuantityList: used.map(({ input, quantity, unit }) =>
        quantityElement({ ...input, quantity, unit }),
      ),
      outputQuantityList: outputs.map(quantityElement),
      ilmd: {
        dateCompleted,
        productDescriptions: Object.fromEntries(
          outputs.map((lot, i) => [lot.lotCode, descriptions[i] ?? ""]),
        ),
      },
      kde: { tlcSourceGln: location.gln },
    },
  };
}
