import type { Metadata } from "next";
import { ShipGoodsForm } from "@/components/shipments/ship-goods-form";
import { requireMember } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { CUSTODY_KINDS } from "@/lib/lots/guards";
import { findShippingParties } from "@/lib/organizations";
import { findShippableGoods } from "@/lib/shipments/shippable-goods";
import { shipGoodsAction } from "../actions";

export const metadata: Metadata = { title: "New shipment" };

/** Ship pallets and loose lots to one recipient in one ledger write. */
export default async function NewShipmentPage() {
  const member = await requireMember();
  const db = getDb();
  if (member.role === "READ_ONLY" || !CUSTODY_KINDS.includes(member.organization.kind)) {
    return (
      <>
        <h1 className="text-2xl font-bold">New shipment</h1>
        <p role="alert">
          {member.role === "READ_ONLY"
            ? "Your account is read-only: ask a colleague with staff access to ship goods."
            : `${member.organization.name} does not hold goods, so it ships none.`}
        </p>
      </>
    );
  }
  const [goods, parties] = await Promise.all([
    findShippableGoods({ db, member }),
    findShippingParties({ db, excludeOrganizationId: member.organization.id }),
  ]);
  return (
    <div className="flex w-full max-w-2xl flex-col gap-4">
      <h1 className="text-2xl font-bold">New shipment</h1>
      <p className="text-stone-700">
        Tick what goes on the truck: everything leaves in one ledger transaction.
      </p>
      <ShipGoodsForm
        action={shipGoodsAction}
        pallets={goods.pallets}
        lots={goods.lots}
        destinations={parties.destinations}
        carriers={parties.carriers.map(({ gln, name }) => ({ gln, label: name }))}
      />
    </div>
  );
}
