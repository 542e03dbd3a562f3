import Link from "next/link";
import type { RecallView } from "@/lib/recall";
import { formatMoment, SEVERITY_LABELS } from "@/lib/recall/terms";

const LEDGER_STATE: Record<RecallView["ledger"]["status"], string> = {
  PENDING:
    "Waiting for the ledger: the recall is saved and will be recorded as soon as the ledger answers.",
  SIGNED: "Sent to the ledger; waiting for it to be recorded.",
  CONFIRMED: "Recorded on the ledger.",
  FAILED: "Refused by the ledger, so this recall is not in force",
};

/** What is recalled, why, by whom, and whether the ledger has recorded it. */
export function RecallHeader({
  recall,
  timeZone,
}: {
  recall: RecallView;
  /** The reader's clock (Member.organization.timeZone); UTC when unknown. */
  timeZone?: string | null;
}) {
  const { ledger } = recall;
  return (
    <div className="flex flex-col gap-2">
      <h1 className="text-2xl font-bold">
        {SEVERITY_LABELS[recall.severity].name} recall of lot{" "}
        <Link
          href={`/recalls/lots/${recall.lotId}`}
          className="font-mono underline underline-offset-4"
        >
          {recall.lotCode}
        </Link>
      </h1>
      <p className="font-mono text-sm text-stone-600">GTIN {recall.gtin}</p>
      <p className="whitespace-pre-line text-lg">{recall.reason}</p>
      <p className="text-sm text-stone-700">
        Started {formatMoment(recall.createdAt, timeZone)} by {recall.initiatedBy.name},{" "}
        {recall.initiatedBy.organizationName}.{" "}
        <span data-testid="ledger-state">
          {ledger.status === "FAILED"
            ? `${LEDGER_STATE.FAILED}: ${ledger.error}`
            : LEDGER_STATE[ledger.status]}
        </span>
        {recall.links.linkedFrom ? (
          <span className="block" data-testid="linked-from">
            It extends the{" "}
            <Link href={`/recalls/${recall.links.linkedFrom.id}`} className="underline">
              recall of lot {recall.links.linkedFrom.lotCode}
            </Link>{" "}
            to a lot that was made into it.
          </span>
        ) : null}
        {recall.links.extensions.length > 0 ? (
          <span className="block" data-testid="extended-to">
            Extended to its source:{" "}
            {recall.links.extensions.map((extension, i) => (
              <span key={extension.id}>
                {i > 0 ? ", " : ""}
                <Link href={`/recalls/${extension.id}`} className="underline">
                  recall of lot {extension.lotCode}
                </Link>
              </span>
            ))}
            .
          </span>
        ) : null}
        {ledger.txHash ? (
          <span className="block break-all font-mono text-xs">Transaction {ledger.txHash}</span>
        ) : null}
      </p>
    </div>
  );
}
