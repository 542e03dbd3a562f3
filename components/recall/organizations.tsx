import type { RecallView } from "@/lib/recall";
import { CONCERN_LABELS, formatMoment } from "@/lib/recall/terms";

/**
 * Each organisation the recall concerns — holding stock, having held it, or the source of what was
 * recalled — and whether and when it acknowledged. Once the recall is
 * lifted nobody has to any more: a missing acknowledgement is no longer an alarm.
 */
export function RecallOrganizations({
  organizations,
  isLifted = false,
  timeZone,
}: {
  organizations: RecallView["organizations"];
  isLifted?: boolean;
  timeZone?: string | null;
}) {
  return (
    <section aria-labelledby="acknowledgements-heading" className="flex flex-col gap-2">
      <h2 id="acknowledgements-heading" className="text-lg font-semibold">
        Organisations notified
      </h2>
      <ul className="flex flex-col gap-2" aria-label="Acknowledgements">
        {organizations.map((organization) => (
          <li
            key={organization.id}
            className="flex flex-wrap items-baseline justify-between gap-2 rounded-xl border border-stone-200 bg-white p-3"
          >
            <span>
              <span className="font-semibold">{organization.name}</span>{" "}
              <span className="text-sm text-stone-600">
                · {CONCERN_LABELS[organization.concern]}
              </span>
            </span>
            {organization.acknowledgedAt ? (
              <span className="text-ledger-700">
                ✓ acknowledged {formatMoment(organization.acknowledgedAt, timeZone)}
                {organization.acknowledgedBy ? ` by ${organization.acknowledgedBy}` : ""}
              </span>
            ) : isLifted ? (
              <span className="text-stone-600">not acknowledged before the recall was lifted</span>
            ) : (
              <span className="font-semibold text-red-800">not acknowledged yet</span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
