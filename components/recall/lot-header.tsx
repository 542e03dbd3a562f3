import type { LotDetail } from "@/lib/lots/get-lot-detail";
import { originText } from "@/lib/lots/lot-origin";
import { quantityText } from "@/lib/text/plural";
import { LotStatusBadge } from "../lots/lot-status-badge";

/** A lot as the recall manager identifies it: lot code, GTIN, quantity, producer and holder. */
export function RecallLotHeader({ lot }: { lot: LotDetail }) {
  return (
    <div className="flex flex-col gap-1">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-bold">Lot {lot.lotCode}</h1>
        <LotStatusBadge status={lot.status} />
      </div>
      <p className="font-mono text-sm text-stone-600">GTIN {lot.gtin}</p>
      <p>
        {lot.quantity ? `${quantityText(lot.quantity, lot.unit)} · ` : ""}
        {originText(lot)} · held by {lot.custodian.name}
        {lot.recipient ? `, on its way to ${lot.recipient.name}` : ""}
      </p>
    </div>
  );
}
