import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { LabelSheet } from "@/components/labels/label-sheet";
import { LabelSheetToolbar } from "@/components/labels/label-sheet-toolbar";
import { requireMember } from "@/lib/auth/session";
import { labelSheetOptions } from "@/lib/barcode/label-layout";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { getLabelSheet } from "@/lib/packages/label-sheet";

export const metadata: Metadata = { title: "Labels" };

// Outside the (staff) layout on purpose: a printed page carries labels only, no app header.
export default async function LabelSheetPage({
  params,
  searchParams,
}: {
  params: Promise<{ lotId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const member = await requireMember();
  const [{ lotId }, query] = await Promise.all([params, searchParams]);
  const options = labelSheetOptions.parse(query);
  const sheet = await getLabelSheet({
    db: getDb(),
    member,
    lotId,
    layout: options.layout,
    code: options.code === "qr" ? "qr" : "gs1-datamatrix",
    from: options.from,
    appUrl: getEnv().APP_URL,
  }).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "FORBIDDEN") return error;
    throw error;
  });
  if (sheet instanceof AppError) {
    return (
      <p role="alert" className="m-4 rounded-xl bg-red-50 p-4 text-lg text-red-900">
        {sheet.message}
      </p>
    );
  }
  if (!sheet) notFound();
  return (
    <>
      <LabelSheetToolbar sheet={sheet} options={options} />
      <LabelSheet sheet={sheet} layout={options.layout} />
    </>
  );
}
