import "server-only";
import { findMember } from "@/lib/auth/auth";
import type { Member } from "@/lib/auth/session";
import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { validateEpcisDocument } from "@/lib/epcis/validate-document";
import { type EventResult, finishCaptureJob, type PendingDocument } from "./capture-job";
import { runCapture } from "./run-capture";

// Large documents are captured by the capture worker (workers/capture.ts), one job at a time, oldest
// first. A job keeps its document while RUNNING, so a restart of LotLedger resumes it: from the
// results its committed batches recorded under proceed, from the start under rollback (whose one
// transaction either committed with the job's end or left nothing).

/** Notified when a capture job is queued: the worker wakes at once instead of at its next poll. */
export const CAPTURE_CHANNEL = "epcis_capture";

export async function wakeCaptureWorker(db: Db): Promise<void> {
  await db.$executeRaw`SELECT pg_notify(${CAPTURE_CHANNEL}, '')`;
}

/** Runs the oldest waiting capture job, if any; true when it ran one. */
export async function runNextCaptureJob(db: Db): Promise<boolean> {
  const job = await db.epcisCaptureJob.findFirst({
    where: { status: "RUNNING", document: { not: Prisma.DbNull } },
    orderBy: { createdAt: "asc" },
    select: { id: true, errorBehaviour: true, results: true, document: true, eventCount: true },
  });
  if (!job) return false;
  const pending = job.document as unknown as PendingDocument;
  const member = await memberOf(db, pending);
  if (!member) {
    const reason =
      "Not stored: the member whose request queued this capture no longer belongs to the organisation (or the API key was revoked); send the document again.";
    const results = Array.from(
      { length: job.eventCount },
      (_, index): EventResult => ({
        index,
        eventId: null,
        status: "rejected",
        field: "",
        reason,
      }),
    );
    await finishCaptureJob(db, job.id, results);
    return true;
  }
  const check = await validateEpcisDocument(pending.body);
  await runCapture(db, member, job, check);
  return true;
}

/** The member a queued job acts for, as the request authenticated them; null if no longer so. */
async function memberOf(db: Db, pending: PendingDocument): Promise<Member | null> {
  const member = await findMember(db, pending.userId);
  if (!member || !pending.apiKeyId) return member;
  const apiKey = await db.apiKey.findUnique({ where: { id: pending.apiKeyId } });
  if (!apiKey || apiKey.revokedAt || apiKey.organizationId !== member.organization.id) return null;
  return {
    ...member,
    name: `API key “${apiKey.name}”`,
    role: "STAFF",
    apiKey: { id: apiKey.id, name: apiKey.name },
  };
}
