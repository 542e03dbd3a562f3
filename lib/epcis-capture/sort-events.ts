import type { Db } from "@/lib/db/client";
import { eventHashId } from "@/lib/epcis/event-hash";
import type { EpcisIssue } from "@/lib/epcis/validate-document";
import { ALREADY_CAPTURED, type EventResult } from "./capture-job";

// Before anything is written, each event of a document is rejected (its validation issue), a
// duplicate (of an earlier event of the document, or of one already stored), a correction (an error
// declaration of an event its organisation stored) or new.

type Json = Record<string, unknown>;

/** An event to store: its hash ID, and whether it corrects a stored event. */
export type Candidate = {
  index: number;
  eventId: string;
  event: Json;
  isCorrection: boolean;
};

const LOOKUP_CHUNK = 5_000;

const isErrorDeclaration = (event: Json) =>
  typeof event.errorDeclaration === "object" && event.errorDeclaration !== null;

const declaredId = (event: Json) => (typeof event.eventID === "string" ? event.eventID : null);

export async function sortEvents(
  db: Db,
  organizationId: string,
  events: readonly Json[],
  issues: ReadonlyMap<number, EpcisIssue>,
  /** The document's @context, whose prefixes name the events' extension fields. */
  context: unknown,
  /** Results a job recorded before LotLedger restarted: those events are done. */
  done: readonly EventResult[] = [],
): Promise<{ results: Map<number, EventResult>; candidates: Candidate[] }> {
  const results = new Map(done.map((result) => [result.index, result]));
  const fresh: Candidate[] = [];
  const firstIndexOf = new Map<string, number>();
  for (const result of done) {
    if (result.status === "accepted" && result.eventId)
      firstIndexOf.set(result.eventId, result.index);
  }
  for (const [index, event] of events.entries()) {
    if (results.has(index)) continue;
    const issue = issues.get(index);
    if (issue) {
      results.set(index, { index, eventId: declaredId(event), status: "rejected", ...issue });
      continue;
    }
    const eventId = eventHashId(event, event["@context"] ?? context);
    const first = firstIndexOf.get(eventId);
    if (first !== undefined) {
      results.set(index, {
        index,
        eventId,
        status: "duplicate",
        reason: `The same event as event ${first} of this document (same hash ID).`,
      });
      continue;
    }
    firstIndexOf.set(eventId, index);
    fresh.push({ index, eventId, event, isCorrection: false });
  }
  const stored = await findStored(
    db,
    fresh.map((c) => c.eventId),
  );
  const candidates: Candidate[] = [];
  for (const candidate of fresh) {
    const existing = stored.get(candidate.eventId);
    if (!existing) {
      candidates.push(candidate);
    } else if (!isErrorDeclaration(candidate.event) || existing.isErrorDeclaration) {
      results.set(candidate.index, {
        index: candidate.index,
        eventId: candidate.eventId,
        status: "duplicate",
        reason: ALREADY_CAPTURED,
      });
    } else if (existing.organizationId !== organizationId) {
      results.set(candidate.index, {
        index: candidate.index,
        eventId: candidate.eventId,
        status: "rejected",
        field: "/errorDeclaration",
        reason:
          "This error declaration corrects an event another organisation captured: only that organisation can declare its event in error.",
      });
    } else {
      candidates.push({ ...candidate, isCorrection: true });
    }
  }
  return { results, candidates };
}

async function findStored(db: Db, eventIds: readonly string[]) {
  const stored = new Map<string, { organizationId: string; isErrorDeclaration: boolean }>();
  for (let i = 0; i < eventIds.length; i += LOOKUP_CHUNK) {
    const rows = await db.epcisEvent.findMany({
      where: { eventId: { in: eventIds.slice(i, i + LOOKUP_CHUNK) } },
      select: { eventId: true, organizationId: true, isErrorDeclaration: true },
    });
    for (const { eventId, ...row } of rows) stored.set(eventId, row);
  }
  return stored;
}
