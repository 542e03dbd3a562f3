import "server-only";
import type { Member } from "@/lib/auth/session";
import type { Db, Tx } from "@/lib/db/client";
import { applyCapturedEvents } from "@/lib/epcis-ledger";
import { anchorCapturedEvents } from "./anchor-events";
import {
  ALREADY_CAPTURED,
  type EventResult,
  finishCaptureJob,
  saveCaptureProgress,
} from "./capture-job";
import type { Candidate } from "./sort-events";
import { applyErrorDeclarations, type EventRow, insertEpcisEvents } from "./store-events";

// Stores a capture's new events: through the ledger's domain functions for those that change custody
// or lineage, and as repository rows under one anchor for the others. Rollback: ONE transaction for
// the whole document, so any refusal leaves nothing. Proceed: one transaction per batch, each
// recording the job's results so far, so a job resumed after a restart skips what it stored.

const PROCEED_BATCH = 2_000;
const TRANSACTION = { maxWait: 10_000, timeout: 300_000 };

export type CaptureRun = {
  db: Db;
  member: Member;
  job: { id: string; errorBehaviour: "ROLLBACK" | "PROCEED" };
  /** Every result so far, by event index; this adds the candidates' as they are stored. */
  results: Map<number, EventResult>;
};

class RolledBack extends Error {
  constructor(readonly refusals: EventResult[]) {
    super("a captured event was refused: the document is rolled back");
  }
}

/**
 * Stores the candidates; the transaction of the last batch also ends the job, so that a job is
 * finished exactly when its events are stored. Returns false when nothing ended it (no candidates,
 * or a rollback): the caller ends it then.
 */
export async function storeCandidates(run: CaptureRun, candidates: Candidate[]): Promise<boolean> {
  const isRollback = run.job.errorBehaviour === "ROLLBACK";
  const refused = () => [...run.results.values()].filter((r) => r.status === "rejected");
  if (isRollback && refused().length > 0) {
    markNotStored(run, candidates);
    return false;
  }
  const batches = isRollback ? [candidates] : chunks(candidates, PROCEED_BATCH);
  for (const [n, batch] of batches.entries()) {
    try {
      const stored = await run.db.$transaction(async (tx) => {
        const outcome = await storeBatch(tx, run, batch, isRollback);
        const progress = orderedResults([...run.results.values(), ...outcome]);
        if (n === batches.length - 1) await finishCaptureJob(tx, run.job.id, progress);
        else await saveCaptureProgress(tx, run.job.id, progress);
        return outcome;
      }, TRANSACTION);
      for (const result of stored) run.results.set(result.index, result);
    } catch (error) {
      if (!(error instanceof RolledBack)) throw error;
      for (const result of error.refusals) run.results.set(result.index, result);
      markNotStored(run, candidates);
      return false;
    }
  }
  return batches.length > 0;
}

/** Results by event index, as a job keeps them. */
export function orderedResults(results: Iterable<EventResult>): EventResult[] {
  const byIndex = new Map<number, EventResult>();
  for (const result of results) byIndex.set(result.index, result);
  return [...byIndex.values()].sort((a, b) => a.index - b.index);
}

async function storeBatch(
  tx: Tx,
  run: CaptureRun,
  batch: readonly Candidate[],
  isRollback: boolean,
): Promise<EventResult[]> {
  const outcomes = await applyCapturedEvents(tx, run.member, {
    captureJobId: run.job.id,
    events: batch.map(({ index, eventId, event }) => ({ index, eventId, event })),
  });
  const results: EventResult[] = [];
  const own: { candidate: Candidate; lotIds: string[] }[] = [];
  for (const [n, candidate] of batch.entries()) {
    const outcome = outcomes[n];
    const { index, eventId } = candidate;
    if (!outcome || outcome.status === "rejected") {
      const refusal = outcome ?? { field: "", reason: "The ledger gave no outcome for it." };
      results.push({
        index,
        eventId,
        status: "rejected",
        field: refusal.field,
        reason: refusal.reason,
      });
      continue;
    }
    results.push({ index, eventId, status: "accepted" });
    if (outcome.ledgerTransactionId === null) own.push({ candidate, lotIds: outcome.lotIds });
  }
  const refusals = results.filter((result) => result.status === "rejected");
  if (isRollback && refusals.length > 0) throw new RolledBack(refusals);
  if (own.length === 0) return results;
  const anchor = await anchorCapturedEvents(tx, run.member, {
    captureJobId: run.job.id,
    eventIds: own.map(({ candidate }) => candidate.eventId),
  });
  const context = {
    organizationId: run.member.organization.id,
    captureJobId: run.job.id,
    ledgerTransactionId: anchor.id,
    payloadHash: anchor.payloadHash,
  };
  const rowOf = ({ candidate, lotIds }: (typeof own)[number]): EventRow => ({
    eventId: candidate.eventId,
    lotIds,
    document: { ...candidate.event, eventID: candidate.eventId },
  });
  const fresh = own.filter(({ candidate }) => !candidate.isCorrection).map(rowOf);
  const inserted = await insertEpcisEvents(tx, context, fresh);
  await applyErrorDeclarations(
    tx,
    context,
    own.filter(({ candidate }) => candidate.isCorrection).map(rowOf),
  );
  // Stored by a capture that ran at the same time, between the duplicate check and now.
  const raced = new Set(fresh.map((row) => row.eventId).filter((id) => !inserted.has(id)));
  return results.map((result) =>
    result.eventId !== null && raced.has(result.eventId)
      ? { ...result, status: "duplicate", reason: ALREADY_CAPTURED }
      : result,
  );
}

/** Rollback: every event not refused itself is reported as not stored, naming the refused ones. */
function markNotStored(run: CaptureRun, candidates: readonly Candidate[]): void {
  const refused = [...run.results.values()]
    .filter((r) => r.status === "rejected" && r.field !== undefined)
    .map((r) => r.index)
    .sort((a, b) => a - b);
  const named = refused.slice(0, 5).join(", ") + (refused.length > 5 ? ", …" : "");
  for (const { index, eventId } of candidates) {
    if (run.results.get(index)?.status === "rejected") continue;
    run.results.set(index, {
      index,
      eventId,
      status: "rejected",
      reason: `Valid, but not stored: event${refused.length === 1 ? "" : "s"} ${named} of this document ${refused.length === 1 ? "was" : "were"} refused and GS1-Capture-Error-Behaviour is rollback.`,
    });
  }
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
