import { type ColdChainSummary, durationText } from "@/lib/cold-chain";
import { localTimeText } from "@/lib/text/local-time";

type Stretch = ColdChainSummary["measured"][number];

function StretchLine({ stretch, timeZone }: { stretch: Stretch; timeZone: string | null }) {
  const minutes = (stretch.to.getTime() - stretch.from.getTime()) / 60_000;
  return (
    <li>
      {localTimeText(stretch.from, timeZone)} – {localTimeText(stretch.to, timeZone)} (
      {durationText(minutes)}){stretch.holders.length > 0 ? ` · ${stretch.holders.join(", ")}` : ""}
    </li>
  );
}

/**
 * Which hours of the lot's journey its readings cover and which nobody measured: a cold chain that
 * shows only its measured hours would let a reader assume the rest.
 */
export function JourneyCoverage({
  summary,
  timeZone,
}: {
  summary: ColdChainSummary;
  timeZone: string | null;
}) {
  return (
    <div
      className="flex flex-col gap-1 rounded-xl bg-stone-100 p-3 text-sm"
      data-testid="journey-coverage"
    >
      <p className="font-semibold">
        Measured for {durationText(summary.measuredMinutes)} of its{" "}
        {durationText(summary.measuredMinutes + summary.unmeasuredMinutes)} journey
        {summary.isOngoing ? " so far" : ""}
      </p>
      {summary.measured.length > 0 ? (
        <>
          <p>Measured:</p>
          <ul className="list-disc pl-5">
            {summary.measured.map((s) => (
              <StretchLine key={`m${s.from.getTime()}`} stretch={s} timeZone={timeZone} />
            ))}
          </ul>
        </>
      ) : null}
      {summary.unmeasured.length > 0 ? (
        <>
          <p className="font-semibold text-amber-900">Not measured (no readings):</p>
          <ul className="list-disc pl-5">
            {summary.unmeasured.map((s) => (
              <StretchLine key={`u${s.from.getTime()}`} stretch={s} timeZone={timeZone} />
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
