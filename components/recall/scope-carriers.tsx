import { SsccText } from "@/components/units/sscc-text";
import type { RecallScope } from "@/lib/trace";

/**
 * The pallets and batched shipments that carried the recalled stock, and where each is now: a
 * packed pallet is pulled whole by scanning its SSCC label; a taken-apart one only names where its
 * lots came loose. Nothing is shown when the stock never travelled on one.
 */
export function RecallScopeCarriers({ scope }: { scope: RecallScope }) {
  const { units, shipments } = scope.carriers;
  if (units.length === 0 && shipments.length === 0) return null;
  const lotCodes = (ids: string[]) =>
    `${ids.length === 1 ? "Lot" : "Lots"} ${ids.map((id) => scope.lots.find((lot) => lot.id === id)?.lotCode ?? id).join(", ")}`;
  return (
    <section aria-labelledby="carriers-heading" className="flex flex-col gap-3">
      <h2 id="carriers-heading" className="text-lg font-semibold">
        Pallets and shipments carrying affected stock
      </h2>
      {units.length > 0 ? (
        <ul className="grid gap-2 md:grid-cols-2" aria-label="Pallets">
          {units.map((unit) => (
            <li
              key={unit.sscc}
              className={`rounded-xl border-2 bg-white p-3 ${unit.isPacked ? "border-red-700" : "border-stone-200"}`}
            >
              <p className="font-semibold">
                Pallet <SsccText sscc={unit.sscc} />
              </p>
              <p className="text-sm">
                {unit.isPacked ? (
                  <strong className="text-red-800">Packed: pull the whole pallet</strong>
                ) : (
                  "Taken apart: its lots are loose"
                )}{" "}
                · {lotCodes(unit.lotIds)}
              </p>
              <p className="text-sm text-stone-700">{unit.whereNow}</p>
            </li>
          ))}
        </ul>
      ) : null}
      {shipments.length > 0 ? (
        <ul className="grid gap-2 md:grid-cols-2" aria-label="Shipments">
          {shipments.map((shipment) => (
            <li key={shipment.number} className="rounded-xl border-2 border-stone-200 bg-white p-3">
              <p className="font-semibold">
                {shipment.document ?? `Shipment no. ${shipment.number}`}
              </p>
              <p className="text-sm">
                {lotCodes(shipment.lotIds)}
                {shipment.ssccs.length > 0
                  ? ` · ${shipment.ssccs.length} ${shipment.ssccs.length === 1 ? "pallet" : "pallets"}`
                  : ""}
              </p>
              <p className="text-sm text-stone-700">{shipment.whereNow}</p>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
