import Link from "next/link";
import { SsccText } from "@/components/units/sscc-text";
import type { Travel } from "@/lib/lots/travel-records";

/** The pallet (linked to its page) and the shipment a lot moved in at one step of its trail. */
export function TravelLine({ travel }: { travel: Travel }) {
  return (
    <p className="text-sm text-stone-700" data-testid="travel">
      {travel.sscc ? (
        <Link href={`/units/${travel.sscc}`} className="underline">
          Pallet <SsccText sscc={travel.sscc} />
        </Link>
      ) : null}
      {travel.sscc && travel.shipment ? " · " : null}
      {travel.shipment ? <span>{travel.shipment}</span> : null}
    </p>
  );
}
