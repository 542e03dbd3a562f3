import Link from "next/link";
import { LotStatusBadge } from "@/components/lots/lot-status-badge";
import type { HomeLot } from "@/lib/home";
import { Moment } from "./moment";

/**
 * One lot on a home, the whole card one tap to its action (receive, deliver, open): product and lot
 * first, then how much, who the other party is, and when.
 */
export function HomeLotItem({
  lot,
  href,
  action,
  detail,
  atLabel,
  timeZone,
  footer,
}: {
  lot: HomeLot;
  href: string;
  /** The verb of the tap: "Receive", "Open lot". */
  action: string;
  /** Who sent it, where it goes: the line under the product. */
  detail: string | null;
  /** What happened at `lot.at`: "Shipped", "Recorded", "Accepted". */
  atLabel: string;
  timeZone: string;
  /** A second action under the card (an export). */
  footer?: React.ReactNode;
}) {
  return (
    <li className="flex flex-col gap-1">
      <Link
        href={href}
        className="flex min-h-16 items-center justify-between gap-3 rounded-xl border border-stone-200 bg-white p-3 hover:border-ledger-600 focus-visible:border-ledger-600"
      >
        <div className="min-w-0 flex-1">
          <p className="font-semibold text-ledger-900">{lot.product}</p>
          <p className="flex flex-wrap items-center gap-x-2 text-sm text-stone-700">
            <span className="break-all font-mono">Lot {lot.lotCode}</span>
            {lot.quantity ? (
              <span>
                {lot.quantity} {lot.unit ?? ""}
              </span>
            ) : null}
            <LotStatusBadge
              status={lot.isOnHold && lot.status === "ACTIVE" ? "ON_HOLD" : lot.status}
            />
          </p>
          {detail ? <p className="text-sm text-stone-700">{detail}</p> : null}
          <p className="text-sm text-stone-600">
            {atLabel} <Moment date={lot.at} timeZone={timeZone} />
          </p>
        </div>
        <span className="shrink-0 rounded-lg bg-ledger-700 px-3 py-2 font-semibold text-white">
          {action}
        </span>
      </Link>
      {footer}
    </li>
  );
}

export function HomeLotList({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <ul aria-label={label} className="flex flex-col gap-2">
      {children}
    </ul>
  );
}
