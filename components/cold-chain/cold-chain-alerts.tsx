import Link from "next/link";
import type { ColdChainAlert } from "@/lib/cold-chain";

/**
 * Excursions in the cold chain of lots the organisation holds or is about to receive, at the top of
 * its lots page: the holder must act on them, the next recipient decide whether to accept the lot.
 */
export function ColdChainAlerts({ alerts }: { alerts: ColdChainAlert[] }) {
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
      <ul className="flex flex-col gap-1">
        {alerts.map((alert) => (
          <li key={`${alert.lotId}${alert.sentence}${alert.recordedBy}`}>
            <Link href={`/lots/${alert.lotId}`} className="font-semibold text-red-900 underline">
              Lot {alert.lotCode}
            </Link>
            {alert.isIncoming ? " (on its way to you)" : ""}: {alert.sentence}, recorded by{" "}
            {alert.recordedBy}.
          </li>
        ))}
      </ul>
    </section>
  );
}
