import "server-only";
import type { Member } from "@/lib/auth/session";
import type { Db, Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
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

export const ALREADY_CAPTURED = "Already captured: LotLedger holds this event (same hash ID).";

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
    /** The request's body, given for a job the worker runs: kept until it ends, so it survives a restart. */
    pendingText?: string;
  },
): Promise<CaptureJobRow> {
  const { member } = input;
  // The body goes in as the text it came as: Prisma's JSON handling of a 5 MB document took longer
  // than PostgreSQL's parsing of it.
  const document =
    input.pendingText === undefined
      ? null
      : `{"userId":${JSON.stringify(member.userId)},"apiKeyId":${JSON.stringify(member.apiKey?.id ?? null)},"body":${input.pendingText}}`;
  const [row] = await db.$queryRaw<{ id: string }[]>`
    INSERT INTO "EpcisCaptureJob" ("id", "organizationId", "errorBehaviour", "payloadHash",
      "eventCount", "document", "createdAt", "updatedAt")
    VALUES (gen_random_uuid()::text, ${member.organization.id},
      ${input.errorBehaviour}::"EpcisCaptureErrorBehaviour", ${input.payloadHash},
      ${input.eventCount}, ${document}::jsonb, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC')
    RETURNING "id"`;
  return findCaptureJob(db, (row as { id: string }).id);
}

export function findCaptureJob(db: Db | Tx, jobId: string): Promise<CaptureJobRow> {
  return db.epcisCaptureJob.findUniqueOrThrow({ where: { id: jobId }, select: JOB_SELECT });
}

/** The results so far of a job still running (each committed batch of a proceed capture). */
export async function saveCaptureProgress(
  tx: Tx,
  jobId: string,
  results: readonly EventResult[],
): Promise<void> {
  await tx.$executeRaw`
    UPDATE "EpcisCaptureJob" SET "results" = ${JSON.stringify(results)}::jsonb,
      "updatedAt" = now() AT TIME ZONE 'UTC'
    WHERE "id" = ${jobId}`;
}

/** Records the outcome of every event, ends the job and lets go of its document. */
export async function finishCaptureJob(
  db: Db | Tx,
  jobId: string,
  results: readonly EventResult[],
): Promise<void> {
  const count = (status: EventResult["status"]) =>
    results.filter((r) => r.status === status).length;
  const rejectedCount = count("rejected");
  const status = rejectedCount > 0 ? "FAILED" : "SUCCESS";
  await db.$executeRaw`
    UPDATE "EpcisCaptureJob" SET "status" = ${status}::"EpcisCaptureJobStatus",
      "acceptedCount" = ${count("accepted")}, "rejectedCount" = ${rejectedCount},
      "duplicateCount" = ${count("duplicate")}, "results" = ${JSON.stringify(results)}::jsonb,
      "document" = NULL, "finishedAt" = now() AT TIME ZONE 'UTC',
      "updatedAt" = now() AT TIME ZONE 'UTC'
    WHERE "id" = ${jobId}`;
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
