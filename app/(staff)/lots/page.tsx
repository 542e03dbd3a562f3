import type { Metadata } from "next";
import Link from "next/link";
import { ColdChainAlerts } from "@/components/cold-chain/cold-chain-alerts";
import { LedgerWriteStatus } from "@/components/ledger/ledger-write-status";
import { ListPager } from "@/components/lists/list-pager";
import { FROM_THE_LOTS_PAGE, LotEventLinks } from "@/components/lots/lot-event-links";
import { LotListFilters } from "@/components/lots/lot-list-filters";
import { LotTable } from "@/components/lots/lot-table";
import { PendingWrites } from "@/components/lots/pending-writes";
import { requireMember } from "@/lib/auth/session";
import { findOpenColdChainAlerts } from "@/lib/cold-chain";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { findFollowedWrites } from "@/lib/ledger-writes/find-ledger-writes";
import { writeIdsOf } from "@/lib/ledger-writes/follow";
import { findPendingLotWrites } from "@/lib/lots/get-pending-writes";
import { canCreateLots } from "@/lib/lots/guards";
import { findLotListChoices, listLots } from "@/lib/lots/list-lots";
import { lotListQuery } from "@/lib/lots/lot-list-query";
import { acknowledgeColdChainAlertAction } from "./alert-actions";

export const metadata: Metadata = { title: "Lots" };

const text = (value: string | string[] | undefined) =>
  typeof value === "string" ? value : undefined;

export default async function LotsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const member = await requireMember();
  const params = await searchParams;
  const { created, view } = {
    created: text(params.created),
    view: text(params.view) === "incoming" ? "incoming" : undefined,
  };
  const query = lotListQuery.parse(params);
  const db = getDb();
  const me = member.organization.chainAddress;
  // The main list is what the organisation holds, or — asked for — what is on its way to it.
  const scope = view ? { recipient: me } : { custodian: me };
  const organizationId = member.organization.id;
  // The writes first: one they call on the ledger is then in every list read after.
  const followed = await findFollowedWrites({
    db,
    organizationId,
    chainId: getEnv().CHAIN_ID,
    ids: writeIdsOf(params.write),
  });
  const [page, incoming, choices, writes, alerts] = await Promise.all([
    listLots({ db, scope, query }),
    view
      ? null
      : listLots({ db, scope: { recipient: me }, query: lotListQuery.parse({}), pageSize: 3 }),
    findLotListChoices({ db, custodian: me, organizationId }),
    findPendingLotWrites({ db, organizationId }),
    findOpenColdChainAlerts({ db, member }),
  ]);
  const lots = page.lots;
  const isFiltered = Boolean(
    query.q || query.status || query.product || query.place || query.after,
  );
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
      <ColdChainAlerts
        alerts={alerts}
        timeZone={member.organization.timeZone ?? null}
        acknowledge={
          member.role === "READ_ONLY"
            ? undefined
            : (alertId) => acknowledgeColdChainAlertAction.bind(null, alertId)
        }
      />
      <LotEventLinks member={member} ctes={FROM_THE_LOTS_PAGE} label="Record" />
      {followed.length > 0 ? <LedgerWriteStatus writes={followed} /> : null}
      <PendingWrites writes={writes.filter((write) => !followed.some((f) => f.id === write.id))} />
      {incoming && incoming.lots.length > 0 ? (
        <section className="flex flex-col gap-2">
          <h2 className="text-lg font-semibold">Incoming shipments</h2>
          <LotTable
            lots={incoming.lots}
            label="Incoming shipments"
            timeZone={member.organization.timeZone}
          />
          {incoming.nextCursor ? (
            <Link
              href="/lots?view=incoming"
              className="self-start font-semibold text-ledger-700 underline"
            >
              All incoming shipments
            </Link>
          ) : null}
        </section>
      ) : null}
      <section className="flex flex-col gap-2" aria-labelledby="lot-list-heading">
        <h2 id="lot-list-heading" className="text-lg font-semibold">
          {view ? "Incoming shipments" : "Held now"}
          {view ? (
            <Link href="/lots" className="ml-3 text-base font-normal text-ledger-700 underline">
              Back to lots held
            </Link>
          ) : null}
        </h2>
        <LotListFilters path="/lots" query={query} view={view} {...choices} />
        <LotTable
          lots={lots}
          highlightId={created}
          label={view ? "Incoming shipments" : "Lots"}
          timeZone={member.organization.timeZone}
          empty={isFiltered ? "No lots match this search." : undefined}
        />
        <ListPager
          path="/lots"
          query={{ ...query, view }}
          defaults={{ sort: "newest" }}
          nextCursor={page.nextCursor}
          next="Next 20 lots"
        />
      </section>
    </>
  );
}
