import "server-only";
import type { Member } from "@/lib/auth/session";
import type { Db } from "@/lib/db/client";
import { getRecallScope, type RecallScope } from "@/lib/trace";
import { findVisibleRecall, liftRefusal } from "./access";
import { getRecallEffectiveness, type RecallEffectiveness } from "./effectiveness";
import { getRecallLift, type RecallLiftView } from "./lift";
import { getRecallLinks, type RecallLinks } from "./links";
import { getRecallProgress, type RecallProgress } from "./progress";
import type { RecallConcern, RecallSeverity } from "./terms";

export type RecallView = {
  id: string;
  lotId: string;
  gtin: string;
  lotCode: string;
  reason: string;
  severity: RecallSeverity;
  createdAt: Date;
  closedAt: Date | null;
  initiatedBy: { name: string; organizationName: string };
  /** Where the on-chain recall stands: queued or sent, recorded, or refused with the ledger's reason. */
  ledger: {
    status: "PENDING" | "SIGNED" | "CONFIRMED" | "FAILED";
    txHash: string | null;
    error: string | null;
  };
  progress: RecallProgress;
  organizations: {
    id: string;
    name: string;
    gln: string;
    concern: RecallConcern;
    acknowledgedAt: Date | null;
    acknowledgedBy: string | null;
  }[];
  scope: RecallScope;
  /** Quantity accounted for, per lot, holder and unit. */
  effectiveness: RecallEffectiveness;
  /** How the recall concerns the member's organisation, when it is asked to act on it. */
  concern: RecallConcern | null;
  /** The recall it extends, those extending it, and the member's lots it was made from. */
  links: RecallLinks;
  /** The member's organisation is asked to acknowledge and has not yet. */
  isAwaitingUs: boolean;
  /** Someone asked to lift it: CONFIRMED means lifted, FAILED that the ledger refused (still in force). */
  lift: RecallLiftView | null;
  /** The member may lift it now (or, Class I, ask to): allowed to, the recall recorded, and no lift recorded, asked for or on its way. */
  canLift: boolean;
  /** A Class I lift waits for a second person, and the member may give it: allowed, and not the one who asked. */
  canApproveLift: boolean;
};

/** One recall as its page shows it, or null when the member may not see it (findVisibleRecall). */
export async function getRecall({
  db,
  member,
  recallId,
}: {
  db: Db;
  member: Member;
  recallId: string;
}): Promise<RecallView | null> {
  const recall = await findVisibleRecall({ db, member, recallId });
  if (!recall) return null;
  const ours = member.organization;
  const [scope, write, organizations, users, lift, links] = await Promise.all([
    getRecallScope({ db, lotId: recall.lotId }),
    db.ledgerTransaction.findUniqueOrThrow({
      where: { id: recall.ledgerTransactionId },
      select: { status: true, txHash: true, error: true },
    }),
    db.organization.findMany({
      where: {
        id: {
          in: [
            recall.initiatedByOrganizationId,
            ...recall.acknowledgements.map((a) => a.organizationId),
          ],
        },
      },
      select: { id: true, name: true, gln: true },
    }),
    db.user.findMany({
      where: {
        id: {
          in: [
            recall.initiatedById,
            ...(recall.liftedById ? [recall.liftedById] : []),
            ...(recall.liftApprovedById ? [recall.liftApprovedById] : []),
            ...recall.acknowledgements.flatMap((a) => a.acknowledgedById ?? []),
          ],
        },
      },
      select: { id: true, name: true },
    }),
    getRecallLift(db, recall),
    getRecallLinks({ db, member, recall }),
  ]);
  if (!scope) return null;
  const organizationOf = (id: string) => organizations.find((o) => o.id === id);
  const userName = (id: string | null) => users.find((u) => u.id === id)?.name ?? null;
  const mine = recall.acknowledgements.find((a) => a.organizationId === ours.id);
  const mayLift =
    liftRefusal(member, {
      id: recall.initiatedByOrganizationId,
      name: organizationOf(recall.initiatedByOrganizationId)?.name ?? "",
    }) === null;
  const isRecorded = write.status === "CONFIRMED";
  return {
    id: recall.id,
    lotId: recall.lotId,
    gtin: recall.gtin,
    lotCode: recall.lotCode,
    reason: recall.reason,
    severity: recall.severity,
    createdAt: recall.createdAt,
    closedAt: recall.closedAt,
    initiatedBy: {
      name: userName(recall.initiatedById) ?? "someone",
      organizationName: organizationOf(recall.initiatedByOrganizationId)?.name ?? "an organisation",
    },
    ledger: write,
    progress: await getRecallProgress(db, { recallId, scope }),
    effectiveness: await getRecallEffectiveness(db, { recallId, scope }),
    concern: mine?.concern ?? null,
    links,
    organizations: recall.acknowledgements.map((a) => ({
      id: a.organizationId,
      name: organizationOf(a.organizationId)?.name ?? a.organizationId,
      gln: organizationOf(a.organizationId)?.gln ?? "",
      concern: a.concern,
      acknowledgedAt: a.acknowledgedAt,
      acknowledgedBy: userName(a.acknowledgedById),
    })),
    scope,
    isAwaitingUs:
      mine !== undefined &&
      mine.acknowledgedAt === null &&
      write.status !== "FAILED" &&
      lift?.status !== "CONFIRMED",
    lift: lift && {
      ...lift,
      liftedBy: userName(recall.liftedById) ?? "someone",
      approvedBy: userName(recall.liftApprovedById),
    },
    canLift: isRecorded && mayLift && (lift === null || lift.status === "FAILED"),
    canApproveLift:
      isRecorded &&
      mayLift &&
      lift?.status === "AWAITING_APPROVAL" &&
      recall.liftedById !== member.userId,
  };
}
