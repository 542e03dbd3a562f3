import type { ShipmentDetail, ShipmentLotView } from "@/lib/shipments";
import type { FormState } from "../forms/form-state";
import { SsccText } from "../units/sscc-text";
import { AcceptUnitForm } from "./accept-unit-form";

/** What a shipment carries, pallet by pallet, then its loose lots; each lot with where it stands. */
export function ShipmentContents({
  shipment,
  receiveAction,
}: {
  shipment: ShipmentDetail;
  /** The shipment's receive action (receiveShipmentAction bound to its reference). */
  receiveAction: (state: FormState, data: FormData) => Promise<FormState>;
}) {
  return (
    <div className="flex flex-col gap-4">
      {shipment.pallets.map((pallet) => {
        const open = pallet.lots.filter((lot) => lot.isOpen);
        return (
          <section
            key={pallet.sscc}
            aria-label={`Pallet ${pallet.sscc}`}
            className="flex flex-col gap-3 rounded-xl border-2 border-stone-300 bg-white p-3"
          >
            <h2 className="text-lg font-semibold">
              Pallet <SsccText sscc={pallet.sscc} className="break-all" />
              <span className="block text-base font-normal text-stone-700">
                {pallet.lots.length} {pallet.lots.length === 1 ? "lot" : "lots"}, {pallet.caseCount}{" "}
                cases
              </span>
            </h2>
            <LotRows lots={pallet.lots} />
            {shipment.canAnswer && open.length > 0 ? (
              <AcceptUnitForm
                sscc={pallet.sscc}
                action={receiveAction}
                lotCount={open.length}
                caseCount={open.reduce((sum, lot) => sum + lot.cases, 0)}
              />
            ) : null}
          </section>
        );
      })}
      {shipment.looseLots.length > 0 ? (
        <section aria-label="Loose lots" className="flex flex-col gap-2">
          <h2 className="text-lg font-semibold">Loose lots</h2>
          <LotRows lots={shipment.looseLots} />
        </section>
      ) : null}
    </div>
  );
}

function LotRows({ lots }: { lots: ShipmentLotView[] }) {
  return (
    <ul className="flex flex-col divide-y divide-stone-200">
      {lots.map((lot) => (
        <li key={lot.id} className="flex flex-wrap items-baseline justify-between gap-x-3 py-2">
          <a href={`/lots/${lot.id}`} className="font-semibold underline underline-offset-2">
            {lot.product} · lot {lot.lotCode}
          </a>
          <span className="text-stone-700">
            {lot.quantity ? `${lot.quantity} ${lot.unit ?? ""} · ` : ""}
            {lot.cases} cases ·{" "}
            <span data-testid="lot-state" className="font-medium">
              {lot.state}
            </span>
          </span>
        </li>
      ))}
    </ul>
  );
}
