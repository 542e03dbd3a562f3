import { quantityText } from "@/lib/text/plural";
import type { RecallScope } from "@/lib/trace";
import { LotStatusBadge } from "../lots/lot-status-badge";

const holderName = (holder: { name: string | null; address: string }) =>
  holder.name ?? `account ${holder.address.slice(0, 10)}…`;

/**
 * What a recall of the lot takes off the shelf: the lots (the lot and everything made from it), their
 * packages and quantities, and the organisations and places holding them.
 */
export function RecallScopeSummary({ scope }: { scope: RecallScope }) {
  const lotCodeOf = (id: string) => scope.lots.find((lot) => lot.id === id)?.lotCode ?? id;
  return (
    <section aria-labelledby="scope-heading" className="flex flex-col gap-4">
      <h2 id="scope-heading" className="text-lg font-semibold">
        Scope
      </h2>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4" data-testid="scope-totals">
        <Total label="Lots" value={String(scope.lots.length)} />
        <Total label="Packages" value={String(scope.packages.total)} />
        <Total
          label="Quantity"
          value={scope.quantities.map((q) => quantityText(q.total, q.unit)).join(" + ") || "—"}
        />
        <Total label="Organisations" value={String(scope.organizations.length)} />
      </dl>
      <div className="rounded-xl border border-stone-200 bg-white sm:overflow-x-auto">
        <table
          className="reflow-table w-full text-left text-sm sm:min-w-[40rem]"
          aria-label="Affected lots"
        >
          <thead className="bg-stone-50 text-stone-600">
            <tr>
              <th className="px-3 py-2 font-semibold">Lot</th>
              <th className="px-3 py-2 font-semibold">GTIN</th>
              <th className="px-3 py-2 font-semibold">Quantity</th>
              <th className="px-3 py-2 font-semibold">Packages off the shelf</th>
              <th className="px-3 py-2 font-semibold">Held by</th>
              <th className="px-3 py-2 font-semibold">Status</th>
            </tr>
          </thead>
          <tbody>
            {scope.lots.map((lot) => (
              <tr key={lot.id} className="border-t border-stone-100">
                <td className="px-3 py-2 font-mono font-semibold" data-label="Lot">
                  {lot.lotCode}
                </td>
                <td className="px-3 py-2 font-mono" data-label="GTIN">
                  {lot.gtin}
                </td>
                <td className="px-3 py-2" data-label="Quantity">
                  {lot.quantity ? quantityText(lot.quantity, lot.unit) : "—"}
                </td>
                <td className="px-3 py-2" data-label="Packages off the shelf">
                  {lot.packages.removed} / {lot.packages.total}
                </td>
                <td className="px-3 py-2" data-label="Held by">
                  {holderName(lot.custodian)}
                  {lot.recipient ? ` → ${holderName(lot.recipient)}` : ""}
                </td>
                <td className="px-3 py-2" data-label="Status">
                  <LotStatusBadge status={lot.status} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="rounded-xl border border-stone-200 bg-white sm:overflow-x-auto">
        <table
          className="reflow-table w-full text-left text-sm sm:min-w-[40rem]"
          aria-label="Organisations and locations holding affected stock"
        >
          <thead className="bg-stone-50 text-stone-600">
            <tr>
              <th className="px-3 py-2 font-semibold">Organisation</th>
              <th className="px-3 py-2 font-semibold">Location</th>
              <th className="px-3 py-2 font-semibold">Lots</th>
            </tr>
          </thead>
          <tbody>
            {scope.organizations.map((holder) => (
              <tr key={holder.address} className="border-t border-stone-100">
                <td className="px-3 py-2" data-label="Organisation">
                  <span className="font-semibold">{holderName(holder)}</span>
                  {holder.gln ? (
                    <span className="block font-mono text-xs text-stone-600">GLN {holder.gln}</span>
                  ) : null}
                </td>
                <td className="px-3 py-2" data-label="Location">
                  {holder.location ? (
                    <>
                      {holder.location.name}
                      <span className="block text-xs text-stone-600">
                        {holder.location.address}
                      </span>
                    </>
                  ) : (
                    "—"
                  )}
                </td>
                <td className="px-3 py-2 font-mono" data-label="Lots">
                  {holder.lotIds.map(lotCodeOf).join(", ")}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function Total({ label, value }: { label: string; value: string }) {
  return (
    <div className="rounded-xl border border-stone-200 bg-white p-3">
      <dt className="text-sm text-stone-600">{label}</dt>
      <dd className="text-2xl font-bold">{value}</dd>
    </div>
  );
}
