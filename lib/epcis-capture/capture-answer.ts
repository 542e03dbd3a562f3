import type { CaptureJobRow, EventResult } from "./capture-job";

// A capture job as the EPCIS 2.0 REST bindings show it (captureID, running, success,
// captureErrorBehaviour, errors as RFC 7807 problems), with what a supplier API answers besides:
// the counts, the document's sha-256, a sentence on what was stored, and the fate of every event.

export type CaptureJobAnswer = {
  captureID: string;
  createdAt: string;
  finishedAt: string | null;
  running: boolean;
  success: boolean;
  captureErrorBehaviour: "rollback" | "proceed";
  payloadHash: string;
  eventCount: number;
  acceptedCount: number;
  rejectedCount: number;
  duplicateCount: number;
  stored: string;
  errors: CaptureError[];
  events?: EventResult[];
};

type CaptureError = {
  type: "epcisException:ValidationException";
  title: string;
  status: 400;
  detail: string;
  instance: string;
  eventIndex: number;
  eventID: string | null;
  field: string | null;
};

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;

function storedSentence(job: CaptureJobRow, refused: number): string {
  if (job.status === "RUNNING") {
    return `Capturing ${plural(job.eventCount, "event")}: ask this job again for the outcome.`;
  }
  if (job.errorBehaviour === "ROLLBACK" && job.rejectedCount > 0) {
    return `Nothing of this document was stored: ${plural(refused, "event")} of ${job.eventCount} ${refused === 1 ? "was" : "were"} refused and GS1-Capture-Error-Behaviour is rollback; correct the events named in errors and send the document again, or send it with GS1-Capture-Error-Behaviour: proceed.`;
  }
  return `${plural(job.acceptedCount, "event")} stored and queued for the ledger, ${plural(job.duplicateCount, "duplicate")} already stored, ${job.rejectedCount} rejected.`;
}

/** The job's answer; `withEvents` adds every event's result (the job's own page, not the list). */
export function captureJobAnswer(job: CaptureJobRow, withEvents = true): CaptureJobAnswer {
  const results = job.results as unknown as EventResult[];
  const errors = results
    .filter((result) => result.status === "rejected" && result.field !== undefined)
    .map(
      (result): CaptureError => ({
        type: "epcisException:ValidationException",
        title: `Event ${result.index} rejected`,
        status: 400,
        detail: result.reason ?? "",
        instance: `/epcis/capture/${job.id}#event-${result.index}`,
        eventIndex: result.index,
        eventID: result.eventId,
        field: result.field ?? null,
      }),
    );
  return {
    captureID: job.id,
    createdAt: job.createdAt.toISOString(),
    finishedAt: job.finishedAt?.toISOString() ?? null,
    running: job.status === "RUNNING",
    success: job.status !== "FAILED",
    captureErrorBehaviour: job.errorBehaviour === "ROLLBACK" ? "rollback" : "proceed",
    payloadHash: job.payloadHash,
    eventCount: job.eventCount,
    acceptedCount: job.acceptedCount,
    rejectedCount: job.rejectedCount,
    duplicateCount: job.duplicateCount,
    stored: storedSentence(job, errors.length),
    errors,
    ...(withEvents ? { events: results } : {}),
  };
}
