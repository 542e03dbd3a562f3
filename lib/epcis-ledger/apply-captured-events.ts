import type { Member } from "@/lib/auth/session";
import type { Tx } from "@/lib/db/client";
import { cbvWord } from "@/lib/epcis/event-index";
import { fromStandardEvent } from "@/lib/epcis/standard-event";
import { AppError } from "@/lib/errors";
import { enqueueLedgerWrite } from "@/lib/events/ledger-write";
import { assertCanRecord } from "@/lib/lots/guards";
import { planReceiving, planShipping } from "./custody";
import { type CaptureState, namedLots, requireHeldLots } from "./named-lots";
import { planRegistration } from "./register-lots";
import type { EventPlan } from "./steps";

type Json = Record<string, unknown>;

/** A captured standard event (schema-valid, keys as in the document) and its hash ID. */
export type CapturedEvent = { index: number; eventId: string; event: Json };

export type CaptureOutcome =
  | {
      status: "accepted";
      lotIds: string[];
      /** null: the event changes no custody or lineage; the capture anchors it by its Merkle root. */
      ledgerTransactionId: string | null;
      payloadHash: string | null;
    }
  | { status: "rejected"; field: string; reason: string };

// FSMA 204 assigns a traceability lot code at these CTEs (and a receiver at receiving, ADD).
const LOT_CREATING_CTES = ["harvesting", "initial_packing", "first_land_based_receiving"];
const LOT_CREATING_STEPS = ["commissioning", "receiving"];

function createsLots(event: Json, bizStep: string | null): boolean {
  if (event.type !== "ObjectEvent" || event.action !== "ADD") return false;
  const cte = event["lotledger:cte"];
  return (
    LOT_CREATING_STEPS.includes(bizStep ?? "") ||
    (typeof cte === "string" && LOT_CREATING_CTES.includes(cte))
  );
}

async function planEvent(
  tx: Tx,
  member: Member,
  state: CaptureState,
  event: Json,
): Promise<EventPlan> {
  assertCanRecord(member, "capture events");
  const bizStep = cbvWord(event.bizStep);
  const lots = namedLots(event);
  // An ADD naming goods by instance only (SGTINs) names no lot to register: kept in the repository.
  if (createsLots(event, bizStep) && lots.length > 0) {
    const steps = await planRegistration(tx, member, lots);
    return { kind: "write", steps, lotIds: steps.map((step) => step.lotId) };
  }
  if (event.type === "ObjectEvent" && bizStep === "shipping")
    return planShipping(tx, member, state, event, lots);
  if (event.type === "ObjectEvent" && bizStep === "receiving")
    return planReceiving(tx, member, state, lots);
  // Observations, sensor reports, transformations and aggregations are recorded on the lots they
  // take (a transformation's outputs are not registered: see docs/epcis.md, Into the ledger).
  const taken =
    event.type === "TransformationEvent" ? namedLots(event, ["inputQuantityList"]) : lots;
  return {
    kind: "record",
    lotIds: await requireHeldLots(tx, member, state, taken, "have events recorded"),
  };
}

async function applyEvent(
  tx: Tx,
  member: Member,
  state: CaptureState,
  captureJobId: string,
  { eventId, event }: CapturedEvent,
): Promise<CaptureOutcome> {
  const plan = await planEvent(tx, member, state, event);
  if (plan.kind === "record")
    return {
      status: "accepted",
      lotIds: plan.lotIds,
      ledgerTransactionId: null,
      payloadHash: null,
    };
  // An event without LotLedger's nonce is told apart from another capture by its hash ID.
  const payload = fromStandardEvent({ "lotledger:nonce": eventId, ...event });
  const document = { ...event, eventID: eventId };
  let first: { id: string; payloadHash: string } | null = null;
  for (const step of plan.steps) {
    const write = await enqueueLedgerWrite(tx, member, {
      payload,
      call: step.call,
      lotId: step.lotId,
      newLots: step.newLots,
      // One repository row per event, anchored by its first write (all carry the same payload hash).
      epcis: { eventId, document, captureJobId },
    });
    first ??= write;
  }
  if (!first) throw new Error(`Captured event ${eventId} planned no ledger write.`);
  if (createsLots(event, cbvWord(event.bizStep)))
    for (const lotId of plan.lotIds) state.registered.add(lotId);
  return {
    status: "accepted",
    lotIds: plan.lotIds,
    ledgerTransactionId: first.id,
    payloadHash: first.payloadHash,
  };
}

/**
 * Captured EPCIS events become LotLedger events of the capturing organisation, in order, in the
 * caller's transaction: lots registered, custody moved, or the event recorded on the lots it names,
 * each after the checks the forms run. A refused event writes nothing and says why, at the JSON
 * pointer of the identifier, in the sentence the form would show.
 */
export async function applyCapturedEvents(
  tx: Tx,
  member: Member,
  input: { captureJobId: string; events: CapturedEvent[] },
): Promise<CaptureOutcome[]> {
  const state: CaptureState = { registered: new Set() };
  const outcomes: CaptureOutcome[] = [];
  for (const captured of input.events) {
    try {
      outcomes.push(await applyEvent(tx, member, state, input.captureJobId, captured));
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      outcomes.push({ status: "rejected", field: error.field ?? "", reason: error.message });
    }
  }
  return outcomes;
}
