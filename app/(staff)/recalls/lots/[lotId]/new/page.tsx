import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { RecallConfirmForm } from "@/components/recall/confirm-form";
import { RecallDashboardFrame } from "@/components/recall/dashboard-frame";
import { RecallLineageSection } from "@/components/recall/lineage-section";
import { RecallLotHeader } from "@/components/recall/lot-header";
import { RecallReasonForm } from "@/components/recall/reason-form";
import { RecallScopeCarriers } from "@/components/recall/scope-carriers";
import { RecallScopeSummary } from "@/components/recall/scope-summary";
import { requireMember } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { toFailure } from "@/lib/errors";
import { parseInput } from "@/lib/input";
import { getLotDetail } from "@/lib/lots/get-lot-detail";
import { findRecallOf, previewRecall, recallRefusal } from "@/lib/recall";
import { CONCERN_LABELS, type RecallInput, recallInput, SEVERITY_LABELS } from "@/lib/recall/terms";
import { startRecallAction } from "../../../actions";

export const metadata: Metadata = { title: "Recall a batch" };

/** Reason and class first; with them, the computed scope and the confirmation. */
export default async function NewRecallPage({
  params,
  searchParams,
}: {
  params: Promise<{ lotId: string }>;
  searchParams: Promise<{ reason?: string; severity?: string; edit?: string }>;
}) {
  const member = await requireMember();
  const [{ lotId }, values] = await Promise.all([params, searchParams]);
  const db = getDb();
  const lot = await getLotDetail({ db, member, lotId });
  if (!lot) notFound();
  const refusal =
    recallRefusal(member, lot) ??
    (await findRecallOf({ db, lotId }).then(
      (recall) => recall && `Lot ${lot.lotCode} is already in the recall of lot ${recall.lotCode}.`,
    ));
  const action = `/recalls/lots/${lotId}/new`;
  let input: RecallInput | null = null;
  let problem: { message: string; field?: string } | undefined;
  const isSubmitted = values.reason !== undefined || values.severity !== undefined;
  if (isSubmitted && values.edit === undefined) {
    try {
      input = parseInput(recallInput, values);
    } catch (error) {
      problem = toFailure(error, "NewRecallPage");
    }
  }
  const preview = input ? await previewRecall({ db, member, lotId }) : null;
  return (
    <RecallDashboardFrame>
      <RecallLotHeader lot={lot} />
      {refusal ? (
        <p className="rounded-xl bg-stone-100 p-4 text-stone-700">{refusal}</p>
      ) : input && preview ? (
        <>
          <section
            aria-labelledby="review-heading"
            className="flex flex-col gap-1 rounded-xl border-2 border-red-700 bg-red-50 p-4"
          >
            <h2 id="review-heading" className="text-lg font-bold text-red-900">
              {SEVERITY_LABELS[input.severity].name} recall of lot {lot.lotCode}
            </h2>
            <p className="whitespace-pre-line">{input.reason}</p>
            <Link
              href={`${action}?${new URLSearchParams(input)}&edit=1`}
              className="self-start text-sm underline"
            >
              Change the reason or class
            </Link>
          </section>
          <RecallScopeSummary scope={preview.scope} />
          <RecallScopeCarriers scope={preview.scope} />
          <RecallLineageSection family={preview.family} lotCode={lot.lotCode} />
          <RecallConfirmForm
            action={startRecallAction.bind(null, lotId)}
            input={input}
            lotCode={lot.lotCode}
            lotCount={preview.scope.lots.length}
            quantity={preview.scope.quantities
              .map((q) => `${q.total} ${q.unit ?? ""}`.trim())
              .join(" + ")}
            organizations={preview.parties.map((p) => `${p.name} (${CONCERN_LABELS[p.concern]})`)}
          />
        </>
      ) : (
        <RecallReasonForm action={action} values={values} problem={problem} />
      )}
    </RecallDashboardFrame>
  );
}
