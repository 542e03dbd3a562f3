import type { RecallEffectiveness } from "@/lib/recall";
import { DISPOSITION_KINDS, DISPOSITION_LABELS } from "@/lib/recall/terms";
import { countText, quantityText } from "@/lib/text/plural";

const sentenceCase = (words: string) => words.charAt(0).toUpperCase() + words.slice(1);

const amount = (quantity: string | null, unit: string | null) =>
  quantity === null ? "—" : quantityText(quantity, unit);

/** Per holder and lot: the quantity in scope, what became of it by kind, and the share accounted for. */
export function RecallEffectivenessTable({
  effectiveness,
}: {
  effectiveness: RecallEffectiveness;
}) {
  if (effectiveness.lots.length === 0) return null;
  return (
    <div className="rounded-xl border border-stone-200 sm:overflow-x-auto">
      <table
        className="reflow-table w-full text-left text-sm sm:min-w-[48rem]"
        aria-label="Stock accounted for"
      >
        <thead className="bg-stone-50 text-stone-600">
          <tr>
            <th className="px-3 py-2 font-semibold">Holder and lot</th>
            <th className="px-3 py-2 font-semibold">In scope</th>
            {DISPOSITION_KINDS.map((kind) => (
              <th key={kind} className="px-3 py-2 font-semibold first-letter:uppercase">
                {DISPOSITION_LABELS[kind]}
              </th>
            ))}
            <th className="px-3 py-2 font-semibold">Accounted for</th>
          </tr>
        </thead>
        {effectiveness.holders.map((holder) => (
          <tbody key={holder.name} data-testid="holder-effectiveness">
            <tr className="border-t border-stone-200 bg-stone-50/60">
              <th scope="rowgroup" colSpan={6} className="px-3 py-2 font-semibold">
                {holder.name}
              </th>
              <td className="px-3 py-2 font-bold" data-label="Accounted for">
                {holder.isAccounted ? "✓ " : ""}
                {holder.percent} %
              </td>
            </tr>
            {holder.lots.map((lot) => (
              <tr key={lot.lotId} className="border-t border-stone-100">
                <td className="px-3 py-2 font-mono" data-label="Lot">
                  {lot.lotCode}
                </td>
                <td className="px-3 py-2" data-label="In scope">
                  {amount(lot.quantity, lot.unit)}
                </td>
                {DISPOSITION_KINDS.map((kind) => (
                  <td
                    key={kind}
                    className="px-3 py-2"
                    data-label={sentenceCase(DISPOSITION_LABELS[kind])}
                  >
                    {lot.reported[kind] === "0" ? "—" : amount(lot.reported[kind], lot.unit)}
                    {kind === "REMOVED_FROM_SALE" && lot.packages.total > 0 ? (
                      <span className="block text-xs text-stone-600">
                        {lot.packages.removed} / {countText(lot.packages.total, "package")} marked
                      </span>
                    ) : null}
                  </td>
                ))}
                <td
                  className={`px-3 py-2 ${lot.isAccounted ? "" : "font-semibold text-red-800"}`}
                  data-label="Accounted for"
                >
                  {amount(lot.accounted, lot.unit)} ({lot.percent} %)
                </td>
              </tr>
            ))}
          </tbody>
        ))}
      </table>
    </div>
  );
}
