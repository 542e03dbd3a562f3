import type { Metadata } from "next";
import { FormError } from "@/components/forms/form-error";
import { PalletBuilder } from "@/components/units/pallet-builder";
import { requireMember } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { findPackableLots } from "@/lib/logistic-units";
import { CUSTODY_KINDS } from "@/lib/lots/guards";
import { buildUnitAction } from "./actions";

export const metadata: Metadata = { title: "Build a pallet" };

export default async function NewUnitPage() {
  const member = await requireMember();
  const canBuild = member.role !== "READ_ONLY" && CUSTODY_KINDS.includes(member.organization.kind);
  return (
    <>
      <h1 className="text-2xl font-bold">Build a pallet</h1>
      {canBuild ? (
        <PalletBuilder
          action={buildUnitAction}
          lots={await findPackableLots({ db: getDb(), member })}
        />
      ) : (
        <FormError
          state={{ message: "Only staff of an organisation that holds lots build pallets." }}
        />
      )}
    </>
  );
}
