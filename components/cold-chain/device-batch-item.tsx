import type { DeviceBatchView } from "@/lib/provenance";
import { localTimeText } from "@/lib/text/local-time";
import { countText } from "@/lib/text/plural";
import { ColdChainChart } from "../public/cold-chain-chart";
import { deviceBatchVerdict } from "../public/device-batch-card";

/** One batch a data logger signed, on the staff lot page: the device, the chart, the verdict. */
export function DeviceBatchItem({
  batch,
  timeZone,
}: {
  batch: DeviceBatchView;
  timeZone: string | null;
}) {
  const isExcursion = batch.judgement.kind === "excursion";
  const verdict = deviceBatchVerdict(batch);
  return (
    <li
      className={`flex flex-col gap-1 rounded-xl border-2 bg-white p-3 ${isExcursion ? "border-red-700" : "border-stone-200"}`}
      data-testid="device-batch"
    >
      <p className={`font-semibold ${isExcursion ? "text-red-800" : "text-ledger-900"}`}>
        {isExcursion ? "⚠ " : ""}
        {batch.judgement.sentence}
      </p>
      <p className="text-sm text-stone-700">
        Measured by <strong>{batch.device.name}</strong> of {batch.device.organization} ·{" "}
        {countText(batch.count, "reading")}
        {batch.firstAt && batch.lastAt
          ? ` from ${localTimeText(batch.firstAt, timeZone)} to ${localTimeText(batch.lastAt, timeZone)}`
          : ""}
      </p>
      <p
        className={`text-sm ${verdict.isOk ? "text-ledger-700" : "font-semibold text-red-800"}`}
        data-testid="device-verification"
      >
        {verdict.text}
      </p>
      <div className="w-full max-w-md [&_svg]:w-full">
        <ColdChainChart batch={batch} timeText={(iso) => localTimeText(iso, timeZone)} />
      </div>
    </li>
  );
}
