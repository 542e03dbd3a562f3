import { fsmaWorkbookHref } from "@/components/lots/fsma-downloads";
import type { OutbreakQuery, OutbreakResult } from "@/lib/home";
import { HomeLotItem, HomeLotList } from "./home-lot-item";

type Place = { gln: string; name: string; organization: string };

const FIELD = "min-h-12 w-full rounded-lg border-2 border-stone-400 bg-white px-3 text-base";

/**
 * The outbreak search: a product, a place and a window of days. It asks by GET, so a result is a
 * link a regulator can keep and send.
 */
export function OutbreakSearchForm({
  places,
  query,
}: {
  places: Place[];
  query: Partial<OutbreakQuery>;
}) {
  return (
    <form method="get" action="/home#outbreak" className="grid gap-3 @xl:grid-cols-2">
      <label className="flex flex-col gap-1 font-semibold">
        Product (GTIN or name)
        <input
          name="product"
          defaultValue={query.product}
          required
          minLength={2}
          className={FIELD}
        />
      </label>
      <label className="flex flex-col gap-1 font-semibold">
        Place
        <select name="place" defaultValue={query.placeGln ?? ""} required className={FIELD}>
          <option value="" disabled>
            Choose a place
          </option>
          {places.map((place) => (
            <option key={place.gln} value={place.gln}>
              {place.name} ({place.organization})
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1 font-semibold">
        From
        <input type="date" name="from" defaultValue={query.from} required className={FIELD} />
      </label>
      <label className="flex flex-col gap-1 font-semibold">
        To
        <input type="date" name="to" defaultValue={query.to} required className={FIELD} />
      </label>
      <button
        type="submit"
        className="min-h-12 rounded-xl bg-ledger-700 px-5 text-lg font-semibold text-white @xl:col-span-2 @xl:justify-self-start"
      >
        Find lots
      </button>
    </form>
  );
}

/** The lots found, each with its forward trace and its FSMA 204 spreadsheet one tap away. */
export function OutbreakResults({ result }: { result: OutbreakResult }) {
  const { place } = result;
  if (result.lots.length === 0) {
    return (
      <p role="status" className="rounded-xl bg-white p-4" data-testid="outbreak-empty">
        {result.gtins.length === 0
          ? "No product on LotLedger matches these words."
          : `No lot of this product was at ${place.name} (${place.organization}) in this window.`}
      </p>
    );
  }
  return (
    <div className="flex flex-col gap-2">
      <p role="status">
        {result.lots.length}
        {result.isCut ? "+" : ""} {result.lots.length === 1 ? "lot" : "lots"} at {place.name} (
        {place.organization}):
      </p>
      <HomeLotList label="Lots found">
        {result.lots.map((lot) => (
          <HomeLotItem
            key={lot.id}
            lot={lot}
            href={`/recalls/lots/${lot.id}`}
            action="Trace"
            detail={lot.party ? `Held by ${lot.party}` : null}
            atLabel="At the place"
            timeZone={place.timeZone}
            footer={
              <span className="flex flex-col items-end text-right text-sm font-semibold">
                <a href={fsmaWorkbookHref(lot)} className="py-1 underline" download>
                  FDA workbook of lot{" "}
                  <span className="whitespace-nowrap">{lot.lotCode} (.xlsx)</span>
                </a>
                <a
                  href={`/api/recalls/lots/${lot.id}/fsma.csv`}
                  className="py-1 underline"
                  download
                >
                  FSMA 204 spreadsheet of lot{" "}
                  <span className="whitespace-nowrap">{lot.lotCode} (CSV)</span>
                </a>
              </span>
            }
          />
        ))}
      </HomeLotList>
    </div>
  );
}
