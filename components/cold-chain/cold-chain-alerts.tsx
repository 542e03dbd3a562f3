import Link from "next/link";
import type { FormState } from "@/components/forms/form-state";
import type { ColdChainAlertView } from "@/lib/cold-chain";
import { localTimeText } from "@/lib/text/local-time";
import { AcknowledgeAlertForm } from "./acknowledge-alert-form";

type AcknowledgeAction = (state: FormState, data: FormData) => Promise<FormState>;

/**
 * Excursions the organisation must act on (its own alerts, open until acknowledged with a comment)
 * and those of lots on their way to it (the next recipient decides whether to accept the lot), on
 * its lots page and on a lot's page. `acknowledge` is absent for a read-only member.
 */
export function ColdChainAlerts({
  alerts,
  acknowledge,
  showLot = true,
  timeZone,
}: {
  alerts: ColdChainAlertView[];
  acknowledge?: (alertId: string) => AcknowledgeAction;
  showLot?: boolean;
  timeZone: string | null;
}) {
  if (alerts.length === 0) return null;
  return (
    <section
      role="alert"
      aria-labelledby="cold-chain-alerts-heading"
      className="flex flex-col gap-2 rounded-xl border-2 border-red-700 bg-red-50 p-4"
    >
      <h2 id="cold-chain-alerts-heading" className="text-lg font-semibold text-red-900">
        Temperature excursions
      </h2>
      <ul className="flex flex-col gap-3">
        {alerts.map((alert) => (
          <li key={alert.id} className="text-red-950">
            {showLot ? (
              <>
                <Link
                  href={`/lots/${alert.lotId}`}
                  className="font-semibold text-red-900 underline"
                >
                  Lot {alert.lotCode}
                </Link>
                {alert.isIncoming ? " (on its way to you)" : ""}:{" "}
              </>
            ) : null}
            {alert.sentence} Began {localTimeText(alert.startedAt, timeZone)}.
            {acknowledge && !alert.isIncoming ? (
              <AcknowledgeAlertForm action={acknowledge(alert.id)} lotCode={alert.lotCode} />
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
