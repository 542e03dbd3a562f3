import Link from "next/link";
import type { LotHit } from "@/lib/recall";
import { quantityText } from "@/lib/text/plural";
import { LotStatusBadge } from "../lots/lot-status-badge";

/** Search results: each lot with what identifies it on a label and who holds it now. */
export function RecallLotHits({ query, hits }: { query: string; hits: LotHit[] }) {
  if (hits.length === 0) {
    return (
      <p className="rounded-xl bg-white p-4 text-stone-700" role="status">
        No lot matches “{query}”. Check the GTIN’s 14 digits, or search by the lot code printed
        after (10).
      </p>
    );
  }
  return (
    <section
      aria-label="Matching lots"
      className="rounded-xl border border-stone-200 bg-white sm:overflow-x-auto"
    >
      <table className="reflow-table w-full text-left text-sm sm:min-w-[36rem]">
        <thead className="bg-stone-50 text-stone-600">
          <tr>
            <th className="px-3 py-2 font-semibold">Lot</th>
            <th className="px-3 py-2 font-semibold">GTIN</th>
            <th className="px-3 py-2 font-semibold">Quantity</th>
            <th className="px-3 py-2 font-semibold">Held by</th>
            <th className="px-3 py-2 font-semibold">Status</th>
          </tr>
        </thead>
        <tbody>
          {hits.map((hit) => (
            <tr key={hit.id} className="border-t border-stone-100">
              <td className="px-3 py-2" data-label="Lot">
                <Link
                  href={`/recalls/lots/${hit.id}`}
                  className="font-mono font-semibold underline underline-offset-4"
                >
                  {hit.lotCode}
                </Link>
                {hit.serial ? (
                  <span className="block text-stone-600">package {hit.serial}</span>
                ) : null}
              </td>
              <td className="px-3 py-2 font-mono" data-label="GTIN">
                {hit.gtin}
              </td>
              <td className="px-3 py-2" data-label="Quantity">
                {hit.quantity ? quantityText(hit.quantity, hit.unit) : "—"}
              </td>
              <td className="px-3 py-2" data-label="Held by">
                {hit.custodianName}
              </td>
              <td className="px-3 py-2" data-label="Status">
                <LotStatusBadge status={hit.status} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
