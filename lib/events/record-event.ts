import "server-only";
import type { Member } from "@/lib/auth/session";
import type { Db, Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { nestFormValues } from "@/lib/input";
import { type CTE_KINDS, cteRefusal, isRecordedHere } from "./cte-rules";
import { planCooling } from "./ctes/cooling";
import { planFirstLandBasedReceiving } from "./ctes/first-land-based-receiving";
import { planHarvesting } from "./ctes/harvesting";
import { planInitialPacking } from "./ctes/initial-packing";
import { planMerge } from "./ctes/merge";
import { planSplit } from "./ctes/split";
import { planTransformation } from "./ctes/transformation";
import { type EventWrite, enqueueLedgerWrite } from "./ledger-write";

/** An event form's fields as a page or test sends them: "outputs.0.lotCode", several lots as a list. */
export type EventFormValues = Record<string, unknown>;

type Plan = (tx: Tx, member: Member, values: unknown) => Promise<EventWrite>;

export type QueuedEvent = { writeId: string; lotId: string; newLotIds: string[] };

const PLANS: Record<keyof typeof CTE_KINDS, Plan> = {
  harvesting: planHarvesting,
  cooling: planCooling,
  initial_packing: planInitialPacking,
  first_land_based_receiving: planFirstLandBasedReceiving,
  transformation: planTransformation,
  split: planSplit,
  merge: planMerge,
};

/**
 * Records one critical tracking event: authorise, validate every key data element against the
 * event's schema, then queue the ledger write with its EPCIS payload (and any packages) in one
 * transaction. A refusal writes nothing. Nobody waits for the ledger: the page or phone follows the
 * write (GET /api/ledger-writes/{id}) until it is on the ledger.
 */
export async function queueTrackingEvent({
  db,
  member,
  cte,
  values,
  idempotencyKey,
}: {
  db: Db;
  member: Member;
  cte: string;
  values: EventFormValues;
  /** The API client's Idempotency-Key (lib/api/idempotency.ts). */
  idempotencyKey?: string;
}): Promise<QueuedEvent> {
  if (!isRecordedHere(cte))
    throw new AppError("NOT_FOUND", `There is no event called “${cte}” to record.`);
  const refusal = cteRefusal(member, cte);
  if (refusal) throw new AppError("FORBIDDEN", refusal);
  const nested = nestFormValues(Object.entries(values));
  const { id, write } = await db.$transaction(async (tx) => {
    const write = await PLANS[cte](tx, member, nested);
    return { id: (await enqueueLedgerWrite(tx, member, { ...write, idempotencyKey })).id, write };
  });
  return {
    writeId: id,
    lotId: write.lotId,
    newLotIds: (write.newLots ?? []).map((lot) => lot.id),
  };
}
