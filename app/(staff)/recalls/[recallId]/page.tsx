import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { RecallAcknowledgeButton } from "@/components/recall/acknowledge-button";
import { RecallAutoRefresh } from "@/components/recall/auto-refresh";
import { RecallDashboardFrame } from "@/components/recall/dashboard-frame";
import { RecallExports } from "@/components/recall/exports";
import { RecallHeader } from "@/components/recall/header";
import { RecallLiftForm } from "@/components/recall/lift-form";
import { RecallLiftState } from "@/components/recall/lift-state";
import { RecallLineageSection } from "@/components/recall/lineage-section";
import { RecallOrganizations } from "@/components/recall/organizations";
import { RecallProgressPanel } from "@/components/recall/progress";
import { RecallScopeSummary } from "@/components/recall/scope-summary";
import { requireMember } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { getLineageFamily, getRecall } from "@/lib/recall";
import { acknowledgeRecallAction, liftRecallAction } from "../actions";

export const metadata: Metadata = { title: "Recall" };

export default async function RecallPage({ params }: { params: Promise<{ recallId: string }> }) {
  const member = await requireMember();
  const { recallId } = await params;
  const db = getDb();
  const recall = await getRecall({ db, member, recallId });
  if (!recall) notFound();
  const family = await getLineageFamily({ db, member, lotId: recall.lotId });
  const isLifted = recall.lift?.status === "CONFIRMED";
  const isOpen = !recall.closedAt && recall.ledger.status !== "FAILED" && !isLifted;
  return (
    <RecallDashboardFrame>
      {isOpen ? <RecallAutoRefresh /> : null}
      <RecallHeader recall={recall} />
      {recall.lift ? <RecallLiftState lift={recall.lift} /> : null}
      {recall.isAwaitingUs ? (
        member.role === "READ_ONLY" ? (
          <p className="rounded-xl bg-amber-50 p-4">
            {member.organization.name} has not acknowledged this recall yet: ask a colleague with
            staff access to do it.
          </p>
        ) : (
          <RecallAcknowledgeButton
            action={acknowledgeRecallAction.bind(null, recall.id)}
            lotCode={recall.lotCode}
          />
        )
      ) : null}
      {recall.ledger.status === "FAILED" || isLifted ? null : (
        <RecallProgressPanel progress={recall.progress} closedAt={recall.closedAt} />
      )}
      <RecallOrganizations organizations={recall.organizations} isLifted={isLifted} />
      <RecallScopeSummary scope={recall.scope} />
      {family ? <RecallLineageSection family={family} lotCode={recall.lotCode} /> : null}
      <RecallExports basePath={`/api/recalls/${recall.id}`} />
      {recall.canLift ? (
        <RecallLiftForm action={liftRecallAction.bind(null, recall.id)} lotCode={recall.lotCode} />
      ) : null}
    </RecallDashboardFrame>
  );
}
