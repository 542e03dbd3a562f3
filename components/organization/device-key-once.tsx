"use client";

import { CopyLink } from "./invite-member-form";

/**
 * A new logger's private key, shown this once: LotLedger keeps no copy, and whoever has it can sign
 * readings in the logger's name. A download puts it in a file for the logger's set-up tool.
 */
export function DeviceKeyOnce({
  name,
  address,
  privateKey,
}: {
  name: string;
  address: string;
  privateKey: string;
}) {
  const file = `# LotLedger data logger "${name}"\naddress=${address}\nprivate_key=${privateKey}\n`;
  const fileName = `${
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "logger"
  }.key`;
  return (
    <div
      role="alert"
      className="flex flex-col gap-3 rounded-xl border-4 border-amber-600 bg-amber-50 p-4"
      data-testid="device-private-key"
    >
      <p className="text-lg font-bold text-amber-950">
        Registered ✓ “{name}”. Its private key is shown only now.
      </p>
      <p className="text-amber-950">
        LotLedger keeps no copy. Load it into the logger, then delete the file: anyone who has this
        key can sign temperatures as this logger. If it leaks, revoke the logger.
      </p>
      <CopyLink label="Private key" url={privateKey} copyLabel="Copy private key" />
      <a
        href={`data:text/plain;charset=utf-8,${encodeURIComponent(file)}`}
        download={fileName}
        className="flex min-h-12 items-center justify-center rounded-xl border-2 border-ledger-700 bg-white px-5 text-lg font-semibold text-ledger-900"
      >
        Download the key as a file
      </a>
      <p className="font-mono text-sm break-all text-stone-700">Address {address}</p>
    </div>
  );
}
