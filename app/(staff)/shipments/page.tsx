import type { Metadata } from "next";
import Link from "next/link";
import { ShipmentList } from "@/components/shipments/shipment-list";
import { requireMember } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { CUSTODY_KINDS } from "@/lib/lots/guards";
import { listShipments } from "@/lib/shipments";

export const metadata: Metadata = { title: "Shipments" };

/** The organisation's shipments: incoming first (what waits for an answer), then sent. */
export default async function ShipmentsPage() {
  const member = await requireMember();
  const { incoming, sent } = await listShipments({ db: getDb(), member });
  const canShip = member.role !== "READ_ONLY" && CUSTODY_KINDS.includes(member.organization.kind);
  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">Shipments</h1>
        {canShip ? (
          <Link
            href="/shipments/new"
            className="flex min-h-14 w-full items-center justify-center rounded-xl bg-ledger-700 px-6 text-lg font-semibold text-white sm:w-auto"
          >
            Ship pallets and lots
          </Link>
        ) : null}
      </div>
      <div className="grid gap-6 lg:grid-cols-2">
        <section className="flex flex-col gap-2">
          <h2 className="text-lg font-semibold">Incoming</h2>
          <ShipmentList
            label="Incoming shipments"
            items={incoming}
            direction="from"
            empty={`No shipment is on its way to ${member.organization.name}.`}
          />
        </section>
        <section className="flex flex-col gap-2">
          <h2 className="text-lg font-semibold">Sent</h2>
          <ShipmentList
            label="Sent shipments"
            items={sent}
            direction="to"
            empty={`${member.organization.name} has sent no shipment of pallets yet.`}
          />
        </section>
      </div>
    </>
  );
}
