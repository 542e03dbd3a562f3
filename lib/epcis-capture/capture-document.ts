import "server-only";
import type { Member } from "@/lib/auth/session";
import type { Db } from "@/lib/db/client";
import { validateEpcisDocument, validateEpcisEvent } from "@/lib/epcis/validate-document";
import { AppError } from "@/lib/errors";
import { type CaptureJobAnswer, captureJobAnswer } from "./capture-answer";
import { createCaptureJob, findCaptureJob } from "./capture-job";
import { wakeCaptureWorker } from "./capture-worker";
import { MAX_CAPTURE_EVENTS, SYNC_EVENTS } from "./limits";
import type { CaptureRequest } from "./read-capture-request";
import { runCapture } from "./run-capture";

/** What a capture answers: 201 stored, 200 nothing new stored, 202 a job the worker runs. */
export type CaptureAnswer = { status: 200 | 201 | 202; job: CaptureJobAnswer };

/**
 * POST /epcis/capture: a document wrong as a whole (not an EPCISDocument, a header field or
 * @context it cannot have) is refused with its field and nothing is kept; otherwise a capture job
 * reports every event, run at once up to SYNC_EVENTS events and by the capture worker beyond.
 */
export async function captureDocument(
  db: Db,
  member: Member,
  { body, text, payloadHash, errorBehaviour }: CaptureRequest,
): Promise<CaptureAnswer> {
  const eventList = (body as { epcisBody?: { eventList?: unknown } } | null)?.epcisBody?.eventList;
  const sent = Array.isArray(eventList) ? eventList.length : 0;
  if (sent > MAX_CAPTURE_EVENTS) {
    throw new AppError(
      "PAYLOAD_TOO_LARGE",
      `The document has ${sent.toLocaleString("en")} events, more than the ${MAX_CAPTURE_EVENTS.toLocaleString("en")} a capture takes (GS1-EPCIS-Capture-Limit): split it into several documents.`,
    );
  }
  const check = await validateEpcisDocument(body);
  if (check.documentIssue) {
    const { field, reason } = check.documentIssue;
    throw new AppError("INVALID_INPUT", reason, { field });
  }
  const eventCount = check.events.length;
  const base = { member, payloadHash, errorBehaviour, eventCount };
  if (eventCount > SYNC_EVENTS) {
    const job = await createCaptureJob(db, { ...base, pendingText: text });
    await wakeCaptureWorker(db);
    return { status: 202, job: captureJobAnswer(job) };
  }
  const jobId = await runCapture(db, member, await createCaptureJob(db, base), check);
  const job = await findCaptureJob(db, jobId);
  return { status: job.acceptedCount > 0 ? 201 : 200, job: captureJobAnswer(job) };
}

/**
 * POST /epcis/events: one event, captured as a one-event job. A duplicate is a 409 (an error
 * declaration of a stored event is not: it corrects it); a refused event a 400 naming its field.
 */
export async function captureEvent(
  db: Db,
  member: Member,
  { body, payloadHash }: CaptureRequest,
): Promise<{ eventId: string; job: CaptureJobAnswer }> {
  const issue = await validateEpcisEvent(body);
  if (issue) throw new AppError("INVALID_INPUT", issue.reason, { field: issue.field });
  const event = body as Record<string, unknown>;
  const base = { member, payloadHash, errorBehaviour: "ROLLBACK" as const, eventCount: 1 };
  const jobId = await runCapture(db, member, await createCaptureJob(db, base), {
    events: [event],
    eventIssues: new Map(),
    context: event["@context"],
  });
  const job = await findCaptureJob(db, jobId);
  const answer = captureJobAnswer(job);
  const [result] = answer.events ?? [];
  if (result?.status === "duplicate") throw new AppError("CONFLICT", result.reason ?? "");
  if (result?.status === "rejected") {
    throw new AppError("INVALID_INPUT", result.reason ?? "", { field: result.field });
  }
  return { eventId: result?.eventId ?? "", job: answer };
}
