import Link from "next/link";
import type { ShipmentListItem } from "@/lib/shipments";
import { shipmentCounts } from "./shipment-counts";

/** A list of shipments: each one line to open it, with what it carries and where it stands. */
export function ShipmentList({
  label,
  items,
  direction,
  empty,
}: {
  label: string;
  items: ShipmentListItem[];
  direction: "from" | "to";
  empty: string;
}) {
  if (items.length === 0) return <p className="text-stone-600">{empty}</p>;
  return (
    <ul aria-label={label} className="flex flex-col gap-2">
      {items.map((item) => (
        <li key={item.reference}>
          <Link
            href={`/shipments/${item.reference}`}
            className={`flex flex-col rounded-xl border-2 p-3 ${item.isAwaitingAnswer ? "border-ledger-700 bg-ledger-50" : "border-stone-300 bg-white"}`}
          >
            <span className="text-lg font-semibold">
              {direction === "from" ? "From" : "To"} {item.party}
            </span>
            <span className="text-stone-700">
              {item.palletCount > 0 ? `${shipmentCounts(item.palletCount, 0)} · ` : ""}
              {item.lotCount} {item.lotCount === 1 ? "lot" : "lots"}
              {item.document ? ` · ${item.document}` : ""}
            </span>
            <span className="font-medium" data-testid="shipment-state">
              {item.isAwaitingAnswer ? `${item.state} · answer it` : item.state}
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
