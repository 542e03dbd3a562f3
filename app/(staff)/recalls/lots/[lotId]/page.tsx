import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { RecallDashboardFrame } from "@/components/recall/dashboard-frame";
import { RecallExports } from "@/components/recall/exports";
import { RecallLineageSection } from "@/components/recall/lineage-section";
import { RecallLotHeader } from "@/components/recall/lot-header";
import { RecallSourceOfRecall } from "@/components/recall/source-of-recall";
import { requireMember } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { getLotDetail } from "@/lib/lots/get-lot-detail";
import { findRecallOf, findRecallsMadeFrom, getLineageFamily, recallRefusal } from "@/lib/recall";

export const metadata: Metadata = { title: "Lot · Recalls" };

export default async function RecallLotPage({ params }: { params: Promise<{ lotId: string }> }) {
  const member = await requireMember();
  const { lotId } = await params;
  const db = getDb();
  // First whether the member may see the lot at all: a stranger gets the same 404 as for no lot.
  const lot = await getLotDetail({ db, member, lotId });
  if (!lot) notFound();
  const [family, recall, recallsMadeFrom] = await Promise.all([
    getLineageFamily({ db, member, lotId }),
    findRecallOf({ db, lotId }),
    findRecallsMadeFrom({ db, member, lotId }),
  ]);
  if (!family) notFound();
  const refusal = recallRefusal(member, lot);
  return (
    <RecallDashboardFrame>
      <RecallLotHeader lot={lot} />
      {recall ? (
        <p
          role="status"
          className="rounded-xl border-2 border-red-700 bg-red-50 p-4 font-semibold text-red-900"
        >
          {recall.lotCode === lot.lotCode
            ? `Lot ${lot.lotCode} is recalled.`
            : `Lot ${lot.lotCode} is in the recall of lot ${recall.lotCode}, which it was made from.`}{" "}
          {recall.id ? (
            <Link href={`/recalls/${recall.id}`} className="underline">
              Follow the recall
            </Link>
          ) : null}
        </p>
      ) : refusal ? (
        <p className="rounded-xl bg-stone-100 p-4 text-stone-700">{refusal}</p>
      ) : (
        <Link
          href={`/recalls/lots/${lotId}/new`}
          className="flex min-h-14 items-center justify-center self-start rounded-xl bg-red-700 px-6 text-lg font-bold text-white hover:bg-red-800"
        >
          Recall this batch
        </Link>
      )}
      <RecallSourceOfRecall lotCode={lot.lotCode} recalls={recallsMadeFrom} />
      <RecallLineageSection family={family} lotCode={lot.lotCode} />
      <RecallExports basePath={`/api/recalls/lots/${lotId}`} lot={lot} />
    </RecallDashboardFrame>
  );
}
