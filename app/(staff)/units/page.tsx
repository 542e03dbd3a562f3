import type { Metadata } from "next";
import Link from "next/link";
import { UnitList } from "@/components/units/unit-list";
import { requireMember } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { listUnits } from "@/lib/logistic-units";

export const metadata: Metadata = { title: "Pallets" };

export default async function UnitsPage() {
  const member = await requireMember();
  const units = await listUnits({ db: getDb(), member });
  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">Pallets</h1>
        {member.role !== "READ_ONLY" && member.organization.kind !== "REGULATOR" ? (
          <Link
            href="/units/new"
            className="flex min-h-12 items-center rounded-xl bg-ledger-700 px-5 text-lg font-semibold text-white"
          >
            Build a pallet
          </Link>
        ) : null}
      </div>
      <UnitList units={units} />
    </>
  );
}
