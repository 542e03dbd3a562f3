import type { ReactNode } from "react";
import type { LotHoldSummary, LotHoldView } from "@/lib/holds";
import { celsiusOf, rangeText } from "@/lib/products";
import { localTimeText } from "@/lib/text/local-time";

/**
 * On a held lot's page: ON HOLD, why (the device, its extremes, the minutes outside, the rule that
 * holds it), who must release it, and — for that organisation's admin — the release form. Earlier
 * holds follow, each with its release and the reason given.
 */
export function LotHoldBanner({
  lotCode,
  hold,
  timeZone,
  releaseForm,
}: {
  lotCode: string;
  hold: LotHoldSummary;
  timeZone: string | null;
  releaseForm: ReactNode;
}) {
  const { current, past, rule, custodian } = hold;
  const ruleText = rule
    ? `${rule.isOnChain ? "The ledger's storage rule" : "The product's storage range"}: ${rangeText(rule)}, at most ${rule.allowedExcursionMinutes} min outside.`
    : null;
  return (
    <>
      {current ? (
        <section
          role="alert"
          aria-label="Hold"
          className="flex flex-col gap-2 rounded-xl border-4 border-red-700 bg-red-50 p-4 text-red-950"
        >
          <p className="text-2xl font-black text-red-800">ON HOLD — do not ship</p>
          <p className="text-lg font-semibold">
            Lot {lotCode} spent {current.excursionMinutes} min outside its storage range
            {rule ? ` (${rangeText(rule)})` : ""}.
          </p>
          <p>
            Measured by {current.deviceName} {extremesText(current)}; held on{" "}
            {localTimeText(current.heldAt, timeZone)}.
          </p>
          {ruleText ? <p>{ruleText}</p> : null}
          <p>
            It cannot be shipped, received, packed, split or used until {custodian.name} releases
            it.
          </p>
          <p className="break-all font-mono text-xs text-stone-600">
            Held in transaction {current.heldTxHash}
          </p>
          {releaseForm}
        </section>
      ) : null}
      {past.length > 0 ? (
        <section aria-label="Earlier holds" className="flex flex-col gap-1">
          <h2 className="text-lg font-semibold">Earlier holds</h2>
          <ul className="flex flex-col gap-2">
            {past.map((hold) => (
              <li key={hold.heldTxHash} className="rounded-lg border border-stone-300 bg-white p-3">
                <p>
                  Held on {localTimeText(hold.heldAt, timeZone)}: {hold.excursionMinutes} min
                  outside its range, measured by {hold.deviceName} {extremesText(hold)}.
                </p>
                {hold.release ? (
                  <p>
                    Released by {hold.release.by}
                    {hold.release.at ? ` on ${localTimeText(hold.release.at, timeZone)}` : ""}
                    {hold.release.reason ? `: “${hold.release.reason}”` : "."}
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

/** "between 3.8 and 11.5 °C": the extremes of the batch that held the lot. */
function extremesText(hold: LotHoldView): string {
  return `between ${celsiusOf(hold.minMilliCelsius)} and ${celsiusOf(hold.maxMilliCelsius)} °C`;
}
