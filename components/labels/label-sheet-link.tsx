import Link from "next/link";

/** The lot page's way to its packages' printable labels (shown to staff who may print them). */
export function LabelSheetLink({ lotId }: { lotId: string }) {
  return (
    <Link
      href={`/lots/${lotId}/labels`}
      className="flex min-h-12 items-center justify-center rounded-xl border-2 border-ledger-700 px-5 text-lg font-semibold text-ledger-900"
    >
      Print package labels
    </Link>
  );
}
