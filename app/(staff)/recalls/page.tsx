import type { Metadata } from "next";
import Link from "next/link";
import { FormError } from "@/components/forms/form-error";
import { ListPager } from "@/components/lists/list-pager";
import { RecallDashboardFrame } from "@/components/recall/dashboard-frame";
import { RecallList } from "@/components/recall/list";
import { RecallListFilters } from "@/components/recall/list-filters";
import { RecallLotHits } from "@/components/recall/lot-hits";
import { RecallSearchForm } from "@/components/recall/search-form";
import { requireMember } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { toFailure } from "@/lib/errors";
import { type LotHit, listRecalls, recallListQuery, searchLots } from "@/lib/recall";

export const metadata: Metadata = { title: "Recalls" };

export default async function RecallsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const member = await requireMember();
  const params = await searchParams;
  // q finds lots to recall (the search box above); the list below has its own search and filters.
  const query = (typeof params.q === "string" ? params.q : "").slice(0, 8_000);
  const listQuery = recallListQuery.parse(params);
  const db = getDb();
  let hits: LotHit[] = [];
  let problem: string | undefined;
  try {
    hits = await searchLots({ db, member, query });
  } catch (error) {
    problem = toFailure(error, "RecallsPage search").message;
  }
  const page = await listRecalls({ db, member, query: listQuery });
  const isFiltered = Boolean(
    listQuery.search ||
      listQuery.state !== "all" ||
      listQuery.severity ||
      listQuery.from ||
      listQuery.to ||
      listQuery.after,
  );
  return (
    <RecallDashboardFrame>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-bold">Recalls</h1>
        <Link href="/recalls/notifications" className="underline">
          Recall notices by webhook
        </Link>
      </div>
      <RecallSearchForm query={query} />
      <FormError state={{ message: problem }} />
      {query.trim() && !problem ? <RecallLotHits query={query.trim()} hits={hits} /> : null}
      <section aria-labelledby="recalls-heading" className="flex flex-col gap-2">
        <h2 id="recalls-heading" className="text-lg font-semibold">
          {member.organization.kind === "REGULATOR"
            ? "All recalls"
            : `Recalls concerning ${member.organization.name}`}
        </h2>
        <RecallListFilters query={listQuery} lotSearch={query || undefined} />
        <RecallList
          recalls={page.recalls}
          timeZone={member.organization.timeZone}
          isFiltered={isFiltered}
        />
        <ListPager
          path="/recalls"
          query={{ ...listQuery, q: query || undefined }}
          defaults={{ state: "all" }}
          nextCursor={page.nextCursor}
          next="Next 20 recalls"
        />
      </section>
    </RecallDashboardFrame>
  );
}
