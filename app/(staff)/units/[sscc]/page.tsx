import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { LedgerWriteStatus } from "@/components/ledger/ledger-write-status";
import { AcceptUnitForm } from "@/components/shipments/accept-unit-form";
import { SsccText } from "@/components/units/sscc-text";
import { TakeApartForm } from "@/components/units/take-apart-form";
import { UnitContents } from "@/components/units/unit-contents";
import { UnitStatusBadge } from "@/components/units/unit-status-badge";
import { requireMember } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { hasValidCheckDigit } from "@/lib/gs1/keys";
import { findFollowedWrites } from "@/lib/ledger-writes/find-ledger-writes";
import { writeIdsOf } from "@/lib/ledger-writes/follow";
import { countWords, getUnit } from "@/lib/logistic-units";
import { findIncomingUnit } from "@/lib/shipments";
import { receiveShipmentAction } from "../../shipments/actions";
import { takeApartAction } from "./actions";

export const metadata: Metadata = { title: "Pallet" };

export default async function UnitPage({
  params,
  searchParams,
}: {
  params: Promise<{ sscc: string }>;
  searchParams: Promise<{ write?: string | string[] }>;
}) {
  const member = await requireMember();
  const [{ sscc }, { write }] = await Promise.all([params, searchParams]);
  if (!/^\d{18}$/.test(sscc) || !hasValidCheckDigit(sscc)) notFound();
  const db = getDb();
  // A stranger gets the same 404 as for an SSCC never packed.
  const unit = await getUnit({ db, member, sscc });
  if (!unit) notFound();
  const open = [unit.packWrite, unit.unpackWrite].filter(
    (w) => w && (w.status === "PENDING" || w.status === "SIGNED"),
  );
  const writes = await findFollowedWrites({
    db,
    organizationId: member.organization.id,
    chainId: getEnv().CHAIN_ID,
    ids: [...writeIdsOf(write), ...open.map((w) => w?.id ?? "")],
  });
  const summary = countWords(unit.lines);
  const incoming =
    member.role === "READ_ONLY" ? null : await findIncomingUnit({ db, member, sscc });
  return (
    <>
      {writes.length > 0 ? <LedgerWriteStatus writes={writes} /> : null}
      <div className="grid gap-6 md:grid-cols-[minmax(0,2fr)_minmax(0,3fr)] md:items-start">
        <div className="flex flex-col gap-4">
          <div className="flex flex-col gap-1">
            <h1 className="text-2xl font-bold">Pallet</h1>
            <SsccText sscc={unit.sscc} className="text-xl font-semibold break-all" />
            <p className="flex flex-wrap items-center gap-2">
              <UnitStatusBadge status={unit.status} />
              <span data-testid="unit-summary">{summary}</span>
            </p>
            {unit.whereNow ? <p data-testid="unit-where">{unit.whereNow}</p> : null}
            {unit.shipment ? (
              <p data-testid="unit-shipment">
                Shipment:{" "}
                {unit.shipment.document
                  ? `${unit.shipment.document.label} ${unit.shipment.document.number}`
                  : `no. ${unit.shipment.number}`}
              </p>
            ) : null}
          </div>
          {incoming ? (
            <AcceptUnitForm
              sscc={incoming.sscc}
              lotCount={incoming.lotCount}
              caseCount={incoming.caseCount}
              action={receiveShipmentAction.bind(null, incoming.shipmentReference)}
            />
          ) : null}
          {unit.status !== "REFUSED" && unit.status !== "TAKEN_APART" ? (
            <Link
              href={`/units/${unit.sscc}/label`}
              className="flex min-h-14 items-center justify-center rounded-xl border-2 border-ledger-700 bg-white px-5 text-lg font-semibold text-ledger-700"
            >
              Print label
            </Link>
          ) : null}
          {unit.canTakeApart ? (
            <TakeApartForm action={takeApartAction.bind(null, unit.sscc)} summary={summary} />
          ) : null}
        </div>
        <UnitContents lines={unit.lines} />
      </div>
      <Link href="/units" className="self-start font-semibold text-ledger-700 underline">
        All pallets
      </Link>
    </>
  );
}
