import "server-only";
import type { Member } from "@/lib/auth/session";
import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";
import type { ErrorBehaviour } from "./read-capture-request";

/** What became of one event of a capture, as the job keeps and answers it. */
export type EventResult = {
  index: number;
  /** The hash ID of an event checked whole; the eventID it was sent with when it was rejected. */
  eventId: string | null;
  status: "accepted" | "rejected" | "duplicate";
  field?: string;
  reason?: string;
};

/** A document waiting for the capture worker: its body and who sent it, kept only while it runs. */
export type PendingDocument = { body: unknown; userId: string; apiKeyId: string | null };

const JOB_SELECT = {
  id: true,
  status: true,
  errorBehaviour: true,
  payloadHash: true,
  eventCount: true,
  acceptedCount: true,
  rejectedCount: true,
  duplicateCount: true,
  results: true,
  createdAt: true,
  finishedAt: true,
} as const;

export type CaptureJobRow = Prisma.EpcisCaptureJobGetPayload<{ select: typeof JOB_SELECT }>;

export async function createCaptureJob(
  db: Db,
  input: {
    member: Member;
    payloadHash: string;
    errorBehaviour: ErrorBehaviour;
    eventCount: number;
    /** Given for a job the worker runs: it survives a restart of LotLedger. */
    document?: PendingDocument;
  },
): Promise<CaptureJobRow> {
  return db.epcisCaptureJob.create({
    data: {
      organizationId: input.member.organization.id,
      payloadHash: input.payloadHash,
      errorBehaviour: input.errorBehaviour,
      eventCount: input.eventCount,
      document: input.document as Prisma.InputJsonObject | undefined,
    },
    select: JOB_SELECT,
  });
}

/** Records the outcome of every event, ends the job and lets go of its document. */
export async function finishCaptureJob(
  db: Db,
  jobId: string,
  results: readonly EventResult[],
): Promise<CaptureJobRow> {
  const count = (status: EventResult["status"]) =>
    results.filter((r) => r.status === status).length;
  const rejectedCount = count("rejected");
  return db.epcisCaptureJob.update({
    where: { id: jobId },
    data: {
      status: rejectedCount > 0 ? "FAILED" : "SUCCESS",
      acceptedCount: count("accepted"),
      rejectedCount,
      duplicateCount: count("duplicate"),
      results: results as unknown as Prisma.InputJsonArray,
      document: Prisma.DbNull,
      finishedAt: new Date(),
    },
    select: JOB_SELECT,
  });
}

/** One of the caller's organisation's capture jobs; another organisation's is not found. */
export async function getCaptureJob(db: Db, member: Member, jobId: string): Promise<CaptureJobRow> {
  const job = await db.epcisCaptureJob.findFirst({
    where: { id: jobId, organizationId: member.organization.id },
    select: JOB_SELECT,
  });
  if (!job) {
    throw new AppError(
      "NOT_FOUND",
      `There is no capture job “${jobId}” of your organisation: GET /epcis/capture lists yours.`,
    );
  }
  return job;
}

/** The caller's organisation's latest capture jobs, newest first. */
export async function listCaptureJobs(db: Db, member: Member, take = 50): Promise<CaptureJobRow[]> {
  return db.epcisCaptureJob.findMany({
    where: { organizationId: member.organization.id },
    orderBy: { createdAt: "desc" },
    take,
    select: JOB_SELECT,
  });
}
