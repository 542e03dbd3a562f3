import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ReadingsForm } from "@/components/cold-chain/readings-form";
import { FormError } from "@/components/forms/form-error";
import { requireMember } from "@/lib/auth/session";
import { readingsRefusal } from "@/lib/cold-chain";
import { getDb } from "@/lib/db";
import { getLotDetail } from "@/lib/lots/get-lot-detail";
import { recordReadingsAction } from "./actions";

export const metadata: Metadata = { title: "Temperature readings" };

export default async function RecordReadingsPage({
  params,
}: {
  params: Promise<{ lotId: string }>;
}) {
  const member = await requireMember();
  const { lotId } = await params;
  const lot = await getLotDetail({ db: getDb(), member, lotId });
  if (!lot) notFound();
  const refusal = readingsRefusal(member, lot);
  return (
    <>
      <div>
        <h1 className="text-2xl font-bold">Temperature readings</h1>
        <p className="text-stone-700">
          Lot {lot.lotCode} · <span className="font-mono text-sm">GTIN {lot.gtin}</span>
        </p>
      </div>
      {refusal ? (
        <FormError state={{ message: refusal }} />
      ) : (
        <>
          <p className="text-stone-700">
            Upload what the data logger recorded for this lot. The readings are kept here and their
            Merkle root goes on the ledger, so anyone can check them on the product's page.
          </p>
          <ReadingsForm action={recordReadingsAction.bind(null, lot.id)} />
        </>
      )}
      <Link
        href={`/lots/${lot.id}`}
        className="flex min-h-12 items-center self-start text-lg font-semibold text-ledger-700 underline"
      >
        Back to lot {lot.lotCode}
      </Link>
    </>
  );
}
