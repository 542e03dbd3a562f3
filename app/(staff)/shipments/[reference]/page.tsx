import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { LedgerWriteStatus } from "@/components/ledger/ledger-write-status";
import { AcceptShipmentForm } from "@/components/shipments/accept-shipment-form";
import { ShipmentContents } from "@/components/shipments/shipment-contents";
import { shipmentCounts } from "@/components/shipments/shipment-counts";
import { requireMember } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { findFollowedWrites } from "@/lib/ledger-writes/find-ledger-writes";
import { writeIdsOf } from "@/lib/ledger-writes/follow";
import { isSettled } from "@/lib/ledger-writes/write-status";
import { getShipment } from "@/lib/shipments";
import { receiveShipmentAction } from "../actions";

export const metadata: Metadata = { title: "Shipment" };

export default async function ShipmentPage({
  params,
  searchParams,
}: {
  params: Promise<{ reference: string }>;
  searchParams: Promise<{ write?: string | string[]; note?: string }>;
}) {
  const member = await requireMember();
  const [{ reference }, { write, note }] = await Promise.all([params, searchParams]);
  const db = getDb();
  const shipment = await getShipment({ db, member, reference });
  if (!shipment) notFound();
  const ids = [...writeIdsOf(write), ...(shipment.queuedWriteId ? [shipment.queuedWriteId] : [])];
  const writes = await findFollowedWrites({
    db,
    organizationId: member.organization.id,
    chainId: getEnv().CHAIN_ID,
    ids: [...new Set(ids)],
  });
  const canAnswer = shipment.canAnswer && writes.every(isSettled);
  const receiveAction = receiveShipmentAction.bind(null, shipment.reference);
  const openPallets = shipment.pallets.filter((p) => p.lots.some((lot) => lot.isOpen)).length;
  const openLoose = shipment.looseLots.filter((lot) => lot.isOpen).length;
  return (
    <>
      {writes.length > 0 ? <LedgerWriteStatus writes={writes} /> : null}
      {note ? (
        <p role="status" className="rounded-xl bg-amber-50 p-3 text-stone-900">
          {note.slice(0, 300)}
        </p>
      ) : null}
      <div>
        <h1 className="text-2xl font-bold">
          Shipment to {shipment.recipient}
          <span className="block text-base font-normal text-stone-700">
            from {shipment.sender}
            {shipment.carrier ? ` · carried by ${shipment.carrier}` : ""}
          </span>
        </h1>
        <p className="mt-1" data-testid="shipment-document">
          {shipment.document ? `${shipment.document.label} ` : "Reference "}
          <span className="break-all font-mono font-semibold">
            {shipment.document?.number ?? shipment.reference}
          </span>
        </p>
        <p className="text-stone-700">
          {shipmentCounts(shipment.pallets.length, shipment.looseLots.length)}
          {shipment.number === null
            ? " · not on the ledger yet"
            : ` · shipment ${shipment.number} on the ledger`}
        </p>
      </div>
      {canAnswer ? (
        <AcceptShipmentForm
          action={receiveAction}
          isWhole={shipment.isWholeOpen}
          summary={shipmentCounts(openPallets, openLoose)}
        />
      ) : null}
      <ShipmentContents shipment={{ ...shipment, canAnswer }} receiveAction={receiveAction} />
    </>
  );
}
