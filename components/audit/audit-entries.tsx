import Link from "next/link";

/** One entry as the page shows it (lib/audit's AuditEntryView, with its action's label). */
export type AuditEntryItem = {
  id: string;
  createdAt: Date;
  actionLabel: string;
  summary: string;
  actorName: string;
  apiKeyName: string | null;
  organizationName: string | null;
  lotId: string | null;
  lotCode: string | null;
  clientAddress: string | null;
  userAgent: string | null;
};

/** "2026-12-02 04:31:07 UTC": one clock for every organisation an auditor compares. */
const utc = (date: Date) => `${date.toISOString().slice(0, 19).replace("T", " ")} UTC`;

/** The browser or client in a few words: the full user agent is in the CSV and the tooltip. */
const shortAgent = (agent: string) => (agent.length > 48 ? `${agent.slice(0, 47)}…` : agent);

export function AuditEntries({ entries }: { entries: AuditEntryItem[] }) {
  if (entries.length === 0) {
    return <p className="text-stone-700">No entries match this filter.</p>;
  }
  return (
    <ol
      aria-label="Audit entries"
      className="flex flex-col divide-y divide-stone-200 rounded-xl border border-stone-200 bg-white"
    >
      {entries.map((entry) => (
        <li
          key={entry.id}
          className="grid gap-1 px-4 py-3 md:grid-cols-[12rem_minmax(0,1fr)_16rem] md:gap-4"
        >
          <div className="flex flex-wrap items-baseline gap-x-2 md:flex-col">
            <time dateTime={entry.createdAt.toISOString()} className="text-sm text-stone-600">
              {utc(entry.createdAt)}
            </time>
            <span className="font-semibold text-ledger-900">{entry.actionLabel}</span>
          </div>
          <div className="min-w-0">
            <p className="break-words">{entry.summary}</p>
            {entry.lotId && entry.lotCode ? (
              <Link href={`/lots/${entry.lotId}`} className="text-sm underline">
                Lot {entry.lotCode}
              </Link>
            ) : null}
          </div>
          <div className="min-w-0 text-sm text-stone-700">
            <p className="break-words">
              {entry.actorName}
              {entry.organizationName ? ` · ${entry.organizationName}` : ""}
            </p>
            <p className="break-words" title={entry.userAgent ?? undefined}>
              {entry.clientAddress ?? "no request (CLI or seed)"}
              {entry.userAgent ? ` · ${shortAgent(entry.userAgent)}` : ""}
            </p>
          </div>
        </li>
      ))}
    </ol>
  );
}
