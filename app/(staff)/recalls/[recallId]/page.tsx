import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { LedgerWriteStatus } from "@/components/ledger/ledger-write-status";
import { RecallAcknowledgeButton } from "@/components/recall/acknowledge-button";
import { RecallAutoRefresh } from "@/components/recall/auto-refresh";
import { RecallDashboardFrame } from "@/components/recall/dashboard-frame";
import { RecallDispositionForm } from "@/components/recall/disposition-form";
import { RecallExports } from "@/components/recall/exports";
import { RecallExtendForm } from "@/components/recall/extend-form";
import { RecallHeader } from "@/components/recall/header";
import { RecallLiftApproval } from "@/components/recall/lift-approval";
import { RecallLiftForm } from "@/components/recall/lift-form";
import { RecallLiftState } from "@/components/recall/lift-state";
import { RecallLineageSection } from "@/components/recall/lineage-section";
import { RecallOrganizations } from "@/components/recall/organizations";
import { RecallProgressPanel } from "@/components/recall/progress";
import { RecallScopeCarriers } from "@/components/recall/scope-carriers";
import { RecallScopeSummary } from "@/components/recall/scope-summary";
import { RecallSourceLots } from "@/components/recall/source-lots";
import { requireMember } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { findFollowedWrites } from "@/lib/ledger-writes/find-ledger-writes";
import { writeIdsOf } from "@/lib/ledger-writes/follow";
import { getLineageFamily, getRecall } from "@/lib/recall";
import {
  acknowledgeRecallAction,
  approveLiftAction,
  extendRecallAction,
  liftRecallAction,
  reportDispositionAction,
} from "../actions";

export const metadata: Metadata = { title: "Recall" };

export default async function RecallPage({
  params,
  searchParams,
}: {
  params: Promise<{ recallId: string }>;
  searchParams: Promise<{ write?: string | string[] }>;
}) {
  const member = await requireMember();
  const [{ recallId }, { write }] = await Promise.all([params, searchParams]);
  const db = getDb();
  // The writes before the recall: one they call on the ledger is then in the recall read after.
  const writes = await findFollowedWrites({
    db,
    organizationId: member.organization.id,
    chainId: getEnv().CHAIN_ID,
    ids: writeIdsOf(write),
  });
  const recall = await getRecall({ db, member, recallId });
  if (!recall) notFound();
  const family = await getLineageFamily({ db, member, lotId: recall.lotId });
  const isLifted = recall.lift?.status === "CONFIRMED";
  const isInForce = recall.ledger.status !== "FAILED" && !isLifted;
  const isOpen = !recall.closedAt && isInForce;
  const canRecord = member.role !== "READ_ONLY";
  const ours = recall.effectiveness.lots.filter(
    (lot) => lot.holder.organizationId === member.organization.id,
  );
  const { sourceLots } = recall.links;
  const unrecalled = sourceLots.filter((lot) => lot.recallId === null);
  const initiator = recall.initiatedBy.organizationName;
  return (
    <RecallDashboardFrame>
      {isOpen ? <RecallAutoRefresh /> : null}
      {writes.length > 0 ? <LedgerWriteStatus writes={writes} /> : null}
      <RecallHeader recall={recall} timeZone={member.organization.timeZone} />
      {recall.lift ? (
        <RecallLiftState lift={recall.lift} timeZone={member.organization.timeZone} />
      ) : null}
      {recall.isAwaitingUs ? (
        canRecord ? (
          <RecallAcknowledgeButton
            action={acknowledgeRecallAction.bind(null, recall.id)}
            lotCode={recall.lotCode}
          />
        ) : (
          <p className="rounded-xl bg-amber-50 p-4">
            {member.organization.name} has not acknowledged this recall yet: ask a colleague with
            staff access to do it.
          </p>
        )
      ) : null}
      {sourceLots.length > 0 ? (
        <RecallSourceLots
          lots={sourceLots}
          organizationName={member.organization.name}
          recalledLotCode={recall.lotCode}
        >
          {unrecalled.length > 0 && canRecord && isInForce ? (
            <RecallExtendForm
              action={extendRecallAction.bind(null, recall.id)}
              lots={unrecalled}
              severity={recall.severity}
              reason={`Source of lot ${recall.lotCode}, recalled by ${initiator}: ${recall.reason}`.slice(
                0,
                1_000,
              )}
            />
          ) : null}
        </RecallSourceLots>
      ) : null}
      {isOpen && canRecord && ours.length > 0 ? (
        <section aria-labelledby="report-heading" className="flex flex-col gap-3">
          <h2 id="report-heading" className="text-lg font-semibold">
            Report what became of your stock
          </h2>
          {ours.map((lot) => (
            <RecallDispositionForm
              key={lot.lotId}
              action={reportDispositionAction.bind(null, recall.id, lot.lotId)}
              lot={lot}
            />
          ))}
        </section>
      ) : null}
      {recall.ledger.status === "FAILED" || isLifted ? null : (
        <RecallProgressPanel
          timeZone={member.organization.timeZone}
          progress={recall.progress}
          effectiveness={recall.effectiveness}
          closedAt={recall.closedAt}
        />
      )}
      <RecallOrganizations
        organizations={recall.organizations}
        isLifted={isLifted}
        timeZone={member.organization.timeZone}
      />
      <RecallScopeSummary scope={recall.scope} />
      <RecallScopeCarriers scope={recall.scope} />
      {family ? <RecallLineageSection family={family} lotCode={recall.lotCode} /> : null}
      <RecallExports
        basePath={`/api/recalls/${recall.id}`}
        lot={{ id: recall.lotId, gtin: recall.gtin, lotCode: recall.lotCode }}
      />
      {recall.canApproveLift ? (
        <RecallLiftApproval
          action={approveLiftAction.bind(null, recall.id)}
          lotCode={recall.lotCode}
        />
      ) : null}
      {recall.canLift ? (
        <RecallLiftForm
          action={liftRecallAction.bind(null, recall.id)}
          lotCode={recall.lotCode}
          approver={
            recall.severity === "CLASS_I" ? `another admin of ${initiator} or a regulator` : null
          }
        />
      ) : null}
    </RecallDashboardFrame>
  );
}
