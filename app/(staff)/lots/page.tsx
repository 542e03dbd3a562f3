import type { Metadata } from "next";
import Link from "next/link";
import { ColdChainAlerts } from "@/components/cold-chain/cold-chain-alerts";
import { FROM_THE_LOTS_PAGE, LotEventLinks } from "@/components/lots/lot-event-links";
import { LotTable } from "@/components/lots/lot-table";
import { PendingWrites } from "@/components/lots/pending-writes";
import { requireMember } from "@/lib/auth/session";
import { LEDGER_QUEUED_MESSAGE } from "@/lib/chain/errors";
import { findColdChainAlerts } from "@/lib/cold-chain";
import { getDb } from "@/lib/db";
import { findIncomingLots, findLotsHeldBy } from "@/lib/lots/get-lots";
import { findPendingLotWrites } from "@/lib/lots/get-pending-writes";
import { canCreateLots } from "@/lib/lots/guards";

export const metadata: Metadata = { title: "Lots" };

export default async function LotsPage({
  searchParams,
}: {
  searchParams: Promise<{ created?: string; pending?: string }>;
}) {
  const member = await requireMember();
  const { created, pending } = await searchParams;
  const db = getDb();
  const [lots, incoming, writes, alerts] = await Promise.all([
    findLotsHeldBy({ db, custodian: member.organization.chainAddress }),
    findIncomingLots({ db, recipient: member.organization.chainAddress }),
    findPendingLotWrites({ db, organizationId: member.organization.id }),
    findColdChainAlerts({ db, member }),
  ]);
  const isPendingStill = pending && !lots.some((lot) => lot.id === pending);
  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">Lots held by {member.organization.name}</h1>
        {canCreateLots(member) ? (
          <Link
            href="/lots/new"
            className="flex min-h-11 items-center rounded-lg px-3 text-base font-medium text-stone-700 underline underline-offset-2"
          >
            New lot
          </Link>
        ) : null}
      </div>
      <ColdChainAlerts alerts={alerts} />
      <LotEventLinks member={member} ctes={FROM_THE_LOTS_PAGE} label="Record" />
      {isPendingStill ? (
        <p role="status" className="rounded-xl bg-amber-50 p-4">
          {LEDGER_QUEUED_MESSAGE}
        </p>
      ) : null}
      <PendingWrites writes={writes} />
      {incoming.length > 0 ? (
        <section className="flex flex-col gap-2">
          <h2 className="text-lg font-semibold">Incoming shipments</h2>
          <LotTable lots={incoming} label="Incoming shipments" />
        </section>
      ) : null}
      <LotTable lots={lots} highlightId={created ?? pending} />
    </>
  );
}
