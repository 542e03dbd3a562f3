import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { LogisticLabel } from "@/components/labels/logistic-label";
import { LogisticLabelToolbar } from "@/components/labels/logistic-label-toolbar";
import { requireMember } from "@/lib/auth/session";
import { logisticLabelOptions } from "@/lib/barcode/logistic-label";
import { getDb } from "@/lib/db";
import { hasValidCheckDigit } from "@/lib/gs1/keys";
import { getLogisticLabel } from "@/lib/logistic-units/get-logistic-label";

export const metadata: Metadata = { title: "Logistic label" };

// Outside the (staff) layout on purpose: a printed page carries the label only, no app header.
export default async function LogisticLabelPage({
  params,
  searchParams,
}: {
  params: Promise<{ sscc: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const member = await requireMember();
  const [{ sscc }, query] = await Promise.all([params, searchParams]);
  if (!/^\d{18}$/.test(sscc) || !hasValidCheckDigit(sscc)) notFound();
  const { layout } = logisticLabelOptions.parse(query);
  const label = await getLogisticLabel({ db: getDb(), member, sscc });
  if (!label) notFound();
  return (
    <>
      <LogisticLabelToolbar sscc={sscc} layout={layout} isOnLedger={label.isOnLedger} />
      <LogisticLabel label={label} layout={layout} />
    </>
  );
}
