import "server-only";
import type { Member } from "@/lib/auth/session";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { type LiftStatus, liftStatusesOf } from "./in-force";
import type { RecallConcern, RecallSeverity } from "./terms";

export type RecallSummary = {
  id: string;
  gtin: string;
  lotCode: string;
  reason: string;
  severity: RecallSeverity;
  createdAt: Date;
  closedAt: Date | null;
  ledgerStatus: "PENDING" | "SIGNED" | "CONFIRMED" | "FAILED";
  /** Where its lifting stands (CONFIRMED: lifted), or null when nobody asked to lift it. */
  liftStatus: LiftStatus | null;
  acknowledged: { done: number; total: number };
  /** The member's organisation still has to acknowledge it. */
  isAwaitingUs: boolean;
  /** How it concerns the member's organisation (null: it started it, or reads as a regulator). */
  concern: RecallConcern | null;
  /** A Class I lift waits for a second person's approval. */
  isLiftAwaitingApproval: boolean;
  /** The recall this one extends to its source. */
  linkedFromRecallId: string | null;
};

/**
 * The recalls a member follows, open ones first, newest first: every recall for a regulator; for
 * anyone else those their organisation started or is asked to acknowledge.
 */
export async function findRecalls({
  db,
  member,
}: {
  db: Db;
  member: Member;
}): Promise<RecallSummary[]> {
  const ours = member.organization.id;
  const where: Prisma.RecallWhereInput =
    member.organization.kind === "REGULATOR"
      ? {}
      : {
          OR: [
            { initiatedByOrganizationId: ours },
            { acknowledgements: { some: { organizationId: ours } } },
          ],
        };
  return summarise(db, ours, await db.recall.findMany({ where, ...QUERY }));
}

/** Open recalls the organisation has not acknowledged yet: the banner every one of its people sees. */
export async function findRecallsAwaiting({
  db,
  organizationId,
}: {
  db: Db;
  organizationId: string;
}): Promise<RecallSummary[]> {
  const recalls = await db.recall.findMany({
    where: { closedAt: null, acknowledgements: { some: { organizationId, acknowledgedAt: null } } },
    ...QUERY,
  });
  const summaries = await summarise(db, organizationId, recalls);
  // A lifted recall is still open until the sweep closes it: nothing is awaited of anyone meanwhile.
  return summaries.filter(
    (recall) => recall.ledgerStatus !== "FAILED" && recall.liftStatus !== "CONFIRMED",
  );
}

const QUERY = {
  orderBy: [{ closedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
  take: 100,
  include: {
    acknowledgements: { select: { organizationId: true, acknowledgedAt: true, concern: true } },
  },
} satisfies Prisma.RecallFindManyArgs;

type Row = Prisma.RecallGetPayload<typeof QUERY>;

async function summarise(db: Db, organizationId: string, recalls: Row[]): Promise<RecallSummary[]> {
  const writes = await db.ledgerTransaction.findMany({
    where: { id: { in: recalls.map((r) => r.ledgerTransactionId) } },
    select: { id: true, status: true },
  });
  const lifts = await liftStatusesOf(db, recalls);
  return recalls.map((recall) => ({
    id: recall.id,
    gtin: recall.gtin,
    lotCode: recall.lotCode,
    reason: recall.reason,
    severity: recall.severity,
    createdAt: recall.createdAt,
    closedAt: recall.closedAt,
    ledgerStatus: writes.find((w) => w.id === recall.ledgerTransactionId)?.status ?? "PENDING",
    liftStatus: lifts.get(recall.id) ?? null,
    acknowledged: {
      done: recall.acknowledgements.filter((a) => a.acknowledgedAt).length,
      total: recall.acknowledgements.length,
    },
    isAwaitingUs: recall.acknowledgements.some(
      (a) => a.organizationId === organizationId && a.acknowledgedAt === null,
    ),
    concern:
      recall.acknowledgements.find((a) => a.organizationId === organizationId)?.concern ?? null,
    isLiftAwaitingApproval:
      recall.liftRequestedAt !== null && recall.liftLedgerTransactionId === null,
    linkedFromRecallId: recall.linkedFromRecallId,
  }));
}

/** The summaries of these recalls (in no particular order): what a page of the recalls list shows. */
export async function summariseRecalls(
  db: Db,
  organizationId: string,
  ids: string[],
): Promise<RecallSummary[]> {
  if (ids.length === 0) return [];
  const recalls = await db.recall.findMany({ where: { id: { in: ids } }, include: QUERY.include });
  return summarise(db, organizationId, recalls);
}
