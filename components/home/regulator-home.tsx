import Link from "next/link";
import { LotStatusBadge } from "@/components/lots/lot-status-badge";
import type { OpenRecall, OutbreakQuery, OutbreakResult, RegulatorSearch } from "@/lib/home";
import { HomeSection } from "./home-section";
import { OpenRecallList } from "./open-recalls";
import { OutbreakResults, OutbreakSearchForm } from "./outbreak-search";

type Place = { gln: string; name: string; organization: string };

function SearchResults({ search }: { search: RegulatorSearch }) {
  if (search.lots.length === 0 && search.organizations.length === 0) {
    return (
      <p role="status" className="rounded-xl bg-white p-4" data-testid="search-empty">
        No lot or organisation on LotLedger matches.
      </p>
    );
  }
  return (
    <ul aria-label="Search results" className="flex flex-col gap-2">
      {search.organizations.map((organization) => (
        <li key={organization.id} className="rounded-xl border border-stone-200 bg-white p-3">
          <p className="font-semibold">
            {organization.name}{" "}
            <span className="text-sm font-normal text-stone-600">
              {organization.kind.toLowerCase()} · GLN {organization.gln}
            </span>
          </p>
          <ul className="flex flex-col">
            {organization.places.map((place) => (
              <li key={place.gln}>
                <Link
                  href={`/home?place=${place.gln}#outbreak`}
                  className="inline-block py-2 underline"
                >
                  Outbreak search at {place.name}
                  {place.city ? `, ${place.city}` : ""}
                </Link>
              </li>
            ))}
          </ul>
        </li>
      ))}
      {search.lots.map((lot) => (
        <li key={lot.id}>
          <Link
            href={`/recalls/lots/${lot.id}`}
            className="flex min-h-12 flex-wrap items-center justify-between gap-2 rounded-xl border border-stone-200 bg-white p-3 hover:border-ledger-600"
          >
            <span className="min-w-0">
              <span className="block font-semibold text-ledger-900">{lot.product}</span>
              <span className="block break-all font-mono text-sm">Lot {lot.lotCode}</span>
              <span className="block text-sm text-stone-600">
                {lot.status === "IN_TRANSIT" ? "Sent by" : "Held by"} {lot.custodianName}
                {lot.quantity ? ` · ${lot.quantity} ${lot.unit ?? ""}` : ""}
              </span>
            </span>
            <LotStatusBadge status={lot.status} />
          </Link>
        </li>
      ))}
    </ul>
  );
}

/**
 * A regulator's desk: find any lot or organisation, follow open recalls, ask the outbreak question
 * (a product at a place in a window of days) and take the records away.
 */
export function RegulatorHomeView({
  query,
  search,
  problem,
  outbreakProblem,
  recalls,
  places,
  outbreakQuery,
  outbreak,
  timeZone,
}: {
  query: string;
  search: RegulatorSearch | null;
  problem: string | null;
  outbreakProblem: string | null;
  recalls: { items: OpenRecall[]; total: number };
  places: Place[];
  outbreakQuery: Partial<OutbreakQuery>;
  outbreak: OutbreakResult | null;
  timeZone: string;
}) {
  return (
    <div className="@container flex flex-col gap-6">
      <section aria-labelledby="search-heading" className="flex flex-col gap-2">
        <h2 id="search-heading" className="text-lg font-semibold">
          Search every lot and organisation
        </h2>
        <form method="get" action="/home" className="flex gap-2">
          <label htmlFor="home-search" className="sr-only">
            GTIN, lot code, serial, barcode, organisation or GLN
          </label>
          <input
            id="home-search"
            name="q"
            type="search"
            defaultValue={query}
            placeholder="GTIN, lot code, serial, organisation, GLN"
            className="min-h-12 min-w-0 flex-1 rounded-lg border-2 border-stone-400 bg-white px-3 text-base"
          />
          <button
            type="submit"
            className="min-h-12 rounded-xl bg-ledger-700 px-5 font-semibold text-white"
          >
            Search
          </button>
        </form>
        {problem ? (
          <p role="alert" className="rounded-xl bg-red-50 p-3 text-red-900">
            {problem}
          </p>
        ) : null}
        {search ? <SearchResults search={search} /> : null}
      </section>
      <div className="grid gap-6 @3xl:grid-cols-2">
        <HomeSection
          id="recalls"
          title="Open recalls"
          total={recalls.total}
          shown={recalls.items.length}
          empty="No recall is in force on LotLedger."
          more={{ href: "/recalls", label: "All recalls" }}
        >
          <OpenRecallList recalls={recalls.items} timeZone={timeZone} />
        </HomeSection>
        <section id="outbreak" aria-labelledby="outbreak-heading" className="flex flex-col gap-3">
          <h2 id="outbreak-heading" className="text-lg font-semibold">
            Outbreak search
          </h2>
          <p className="text-sm text-stone-700">
            The lots of a product harvested, packed, made, shipped or received at a place within a
            window of days (in that place's time zone).
          </p>
          <OutbreakSearchForm places={places} query={outbreakQuery} />
          {outbreakProblem ? (
            <p role="alert" className="rounded-xl bg-red-50 p-3 text-red-900">
              {outbreakProblem}
            </p>
          ) : null}
          {outbreak ? <OutbreakResults result={outbreak} /> : null}
        </section>
      </div>
      <section aria-labelledby="exports-heading" className="flex flex-col gap-2">
        <h2 id="exports-heading" className="text-lg font-semibold">
          Exports
        </h2>
        <ul className="flex flex-col gap-1">
          <li>
            <a href="/api/audit-log.csv" className="inline-block py-2 underline">
              Audit log of every organisation (CSV)
            </a>
          </li>
          {recalls.items.map((recall) => (
            <li key={recall.id}>
              <a
                href={`/api/recalls/${recall.id}/fsma.csv`}
                className="inline-block py-2 underline"
              >
                FSMA 204 spreadsheet of the recall of lot {recall.lotCode}
              </a>
            </li>
          ))}
        </ul>
        <p className="text-sm text-stone-600">
          Any lot's FSMA 204 spreadsheet is on its trace page and beside each outbreak search
          result.
        </p>
      </section>
    </div>
  );
}
