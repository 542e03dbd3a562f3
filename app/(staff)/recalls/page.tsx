import type { Metadata } from "next";
import Link from "next/link";
import { FormError } from "@/components/forms/form-error";
import { RecallDashboardFrame } from "@/components/recall/dashboard-frame";
import { RecallList } from "@/components/recall/list";
import { RecallLotHits } from "@/components/recall/lot-hits";
import { RecallSearchForm } from "@/components/recall/search-form";
import { requireMember } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { toFailure } from "@/lib/errors";
import { findRecalls, type LotHit, searchLots } from "@/lib/recall";

export const metadata: Metadata = { title: "Recalls" };

export default async function RecallsPage({
  searchParams,
}: {
  searchParams: Promise<{ q?: string }>;
}) {
  const member = await requireMember();
  const query = ((await searchParams).q ?? "").slice(0, 8_000);
  const db = getDb();
  let hits: LotHit[] = [];
  let problem: string | undefined;
  try {
    hits = await searchLots({ db, member, query });
  } catch (error) {
    problem = toFailure(error, "RecallsPage search").message;
  }
  const recalls = await findRecalls({ db, member });
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
        <RecallList recalls={recalls} timeZone={member.organization.timeZone} />
      </section>
    </RecallDashboardFrame>
  );
}
