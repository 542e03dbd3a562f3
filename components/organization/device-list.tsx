import Link from "next/link";
import type { DeviceSummary } from "@/lib/devices";
import { localTimeText } from "@/lib/text/local-time";
import type { FormState } from "../forms/form-state";
import { InlineActionForm } from "../forms/inline-action-form";
import { CopyTextButton } from "./copy-text-button";

const STATUS = {
  PENDING: {
    label: "Pending",
    hint: "waiting for the ledger",
    style: "bg-amber-100 text-amber-950 ring-amber-600",
  },
  ACTIVE: { label: "Active", hint: "", style: "bg-ledger-50 text-ledger-900 ring-ledger-600" },
  REVOKED: {
    label: "Revoked",
    hint: "its batches are refused",
    style: "bg-stone-200 text-stone-800 ring-stone-500",
  },
} as const;

/** "0x1234…abcd": enough to tell loggers apart and to match the label on one. */
const shortAddress = (address: string) => `${address.slice(0, 6)}…${address.slice(-4)}`;

/** The organisation's data loggers: status, address, what each travels with, its last batch. */
export function DeviceList({
  devices,
  timeZone,
  revoke,
}: {
  devices: DeviceSummary[];
  timeZone: string | null;
  /** Admins only: revoking asks once more before it goes to the ledger. */
  revoke: ((deviceId: string) => Promise<FormState>) | null;
}) {
  if (devices.length === 0) {
    return <p className="rounded-xl bg-white p-4 text-stone-600">No data loggers yet.</p>;
  }
  const time = (at: Date) => localTimeText(at, timeZone);
  return (
    <ul className="flex flex-col gap-3" aria-label="Data loggers">
      {devices.map((device) => {
        const status = STATUS[device.status];
        return (
          <li
            key={device.id}
            className="flex flex-col gap-2 rounded-xl border-2 border-stone-200 bg-white p-4"
            data-testid="device"
          >
            <div className="flex flex-wrap items-center justify-between gap-2">
              <h3 className="text-lg font-semibold">{device.name}</h3>
              <span
                className={`rounded-full px-2.5 py-0.5 text-sm font-semibold ring-1 ${status.style}`}
              >
                {status.label}
                {status.hint ? <span className="font-normal"> · {status.hint}</span> : null}
              </span>
            </div>
            <div className="flex items-center gap-2">
              <span className="font-mono text-base" title={device.address}>
                {shortAddress(device.address)}
              </span>
              <CopyTextButton text={device.address} label={`Copy the address of ${device.name}`} />
            </div>
            {device.attachments.length > 0 ? (
              <ul className="flex flex-col gap-1">
                {device.attachments.map((a) => (
                  <li key={`${a.href}@${a.startsAt.toISOString()}`}>
                    With{" "}
                    <Link href={a.href} className="font-semibold underline underline-offset-2">
                      {a.label}
                    </Link>{" "}
                    from {time(a.startsAt)}{" "}
                    {a.endsAt ? `until ${time(a.endsAt)}` : "until detached"}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="text-stone-600">Not attached to a lot or shipment.</p>
            )}
            <p className="text-sm text-stone-600">
              {device.lastBatchAt
                ? `Last batch ${time(device.lastBatchAt)}`
                : "No batch received yet"}
            </p>
            {revoke && device.status !== "REVOKED" ? (
              <InlineActionForm
                summary={`Revoke ${device.name}…`}
                explanation="The ledger refuses every batch this logger signs from now on; readings already anchored stay. This cannot be undone: a logger revoked by mistake is registered again with a new key."
                buttonLabel={`Revoke ${device.name}`}
                pendingLabel="Revoking…"
                action={revoke.bind(null, device.id)}
              />
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
