import Link from "next/link";
import type { ColdChainBatch, ColdChainSummary } from "@/lib/cold-chain";
import type { DeviceBatchView } from "@/lib/provenance";
import { localTimeText } from "@/lib/text/local-time";
import { countText } from "@/lib/text/plural";
import { ColdChainChart } from "../public/cold-chain-chart";
import { DeviceBatchItem } from "./device-batch-item";
import { JourneyCoverage } from "./journey-coverage";

const JUDGEMENT_STYLE = {
  kept: "text-ledger-900",
  excursion: "text-red-800",
  "no range": "text-stone-900",
  "no readings": "text-stone-900",
} as const;

function BatchCard({ batch, timeZone }: { batch: ColdChainBatch; timeZone: string | null }) {
  const { judgement } = batch;
  return (
    <li
      className={`flex flex-col gap-1 rounded-xl border-2 bg-white p-3 ${judgement.kind === "excursion" ? "border-red-700" : "border-stone-200"}`}
      data-testid="cold-chain-batch"
    >
      <p className={`font-semibold ${JUDGEMENT_STYLE[judgement.kind]}`} data-testid="judgement">
        {judgement.kind === "excursion" ? "⚠ " : ""}
        {judgement.sentence}
      </p>
      {judgement.kind === "excursion" ? (
        <p className="text-sm text-stone-700">
          Storage range {judgement.range.minCelsius}–{judgement.range.maxCelsius} °C
          {judgement.range.allowedExcursionMinutes > 0
            ? `, ${judgement.range.allowedExcursionMinutes} min outside it allowed`
            : ""}
          .
        </p>
      ) : null}
      <p className="text-sm text-stone-600">
        {countText(batch.count, "reading")}
        {batch.firstAt && batch.lastAt
          ? ` from ${localTimeText(batch.firstAt, timeZone)} to ${localTimeText(batch.lastAt, timeZone)}`
          : ""}{" "}
        · recorded by {batch.recordedBy} ·{" "}
        {batch.isVerified ? (
          <span className="text-ledger-700">✓ verified on the ledger</span>
        ) : (
          <span className="font-semibold text-red-800">✗ not verified</span>
        )}
      </p>
      <div className="w-full max-w-md [&_svg]:w-full">
        <ColdChainChart batch={batch} timeText={(iso) => localTimeText(iso, timeZone)} />
      </div>
    </li>
  );
}

/**
 * The lot's temperature batches on the staff lot page — those its data loggers signed, then those
 * people uploaded — the hours nobody measured, and the way to record more.
 */
export function ColdChainBatches({
  batches,
  deviceBatches = [],
  summary,
  recordHref,
  timeZone = null,
}: {
  batches: ColdChainBatch[];
  deviceBatches?: DeviceBatchView[];
  summary: ColdChainSummary | null;
  recordHref: string | null;
  /** The reader's clock (their organisation's place); UTC when unknown. */
  timeZone?: string | null;
}) {
  if (batches.length === 0 && deviceBatches.length === 0 && !recordHref) return null;
  return (
    <section className="flex flex-col gap-2" aria-labelledby="cold-chain-heading">
      <h2 id="cold-chain-heading" className="text-lg font-semibold">
        Cold chain
      </h2>
      {batches.length === 0 && deviceBatches.length === 0 ? (
        <p className="text-stone-600">No temperature readings yet.</p>
      ) : null}
      {deviceBatches.length > 0 ? (
        <ul className="flex flex-col gap-2" aria-label="Readings signed by data loggers">
          {deviceBatches.map((batch) => (
            <DeviceBatchItem key={batch.id} batch={batch} timeZone={timeZone} />
          ))}
        </ul>
      ) : null}
      <ul className="flex flex-col gap-2 empty:hidden">
        {batches.map((batch) => (
          <BatchCard key={batch.txHash} batch={batch} timeZone={timeZone} />
        ))}
      </ul>
      {summary && batches.length > 0 ? (
        <JourneyCoverage summary={summary} timeZone={timeZone} />
      ) : null}
      {recordHref ? (
        <Link
          href={recordHref}
          className="flex min-h-12 items-center justify-center rounded-xl border-2 border-ledger-700 px-4 text-center font-semibold text-ledger-900"
        >
          Record temperature readings
        </Link>
      ) : null}
    </section>
  );
}
