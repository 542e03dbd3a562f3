import type { Metadata } from "next";
import Link from "next/link";
import { LotTable } from "@/components/lot-table";
import { requireMember } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { findLotsHeldBy } from "@/lib/lots/get-lots";
import { canCreateLots } from "@/lib/lots/permissions";

export const metadata: Metadata = { title: "Lots" };

export default async function LotsPage({
  searchParams,
}: {
  searchParams: Promise<{ created?: string }>;
}) {
  const member = await requireMember();
  const { created } = await searchParams;
  const lots = await findLotsHeldBy({ db: getDb(), custodian: member.organization.chainAddress });
  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">Lots held by {member.organization.name}</h1>
        {canCreateLots(member) ? (
          <Link
            href="/lots/new"
            className="rounded-xl bg-ledger-700 px-5 py-3 text-lg font-semibold text-white"
          >
            New lot
          </Link>
        ) : null}
      </div>
      {created && !lots.some((lot) => lot.id === created) ? (
        <p role="status" className="rounded-xl bg-amber-50 p-4">
          Your lot is recorded on the ledger and will appear here in a moment: refresh the page.
        </p>
      ) : null}
      <LotTable lots={lots} highlightId={created} />
    </>
  );
}
