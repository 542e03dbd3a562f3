import "server-only";
import type { Member } from "@/lib/auth/session";
import type { Db } from "@/lib/db/client";
import type { DocumentCheck } from "@/lib/epcis/validate-document";
import { type CaptureJobRow, type EventResult, finishCaptureJob } from "./capture-job";
import { sortEvents } from "./sort-events";
import { orderedResults, storeCandidates } from "./store-captured";

/**
 * Captures a checked document's events for a job and ends the job: within the request for a small
 * document, in the capture worker for a large one (resuming after a restart from the results it
 * recorded).
 */
export async function runCapture(
  db: Db,
  member: Member,
  job: Pick<CaptureJobRow, "id" | "errorBehaviour" | "results">,
  check: Pick<DocumentCheck, "events" | "eventIssues" | "context">,
): Promise<string> {
  const { results, candidates } = await sortEvents(
    db,
    member.organization.id,
    check.events,
    check.eventIssues,
    check.context,
    job.results as unknown as EventResult[],
  );
  const isFinished = await storeCandidates({ db, member, job, results }, candidates);
  if (!isFinished) await finishCaptureJob(db, job.id, orderedResults(results.values()));
  return job.id;
}
