"use client";

import { useState } from "react";

/** A link to hand on: selectable text, and a button that puts it on the clipboard. */
export function CopyLink({ label, url }: { label: string; url: string }) {
  const [isCopied, setIsCopied] = useState(false);
  return (
    <div className="flex flex-col gap-2">
      <label className="flex flex-col gap-1.5">
        <span className="text-base font-semibold">{label}</span>
        <input
          readOnly
          value={url}
          onFocus={(event) => event.currentTarget.select()}
          className="min-h-12 w-full min-w-0 rounded-xl border-2 border-stone-300 bg-white px-3 font-mono text-sm"
        />
      </label>
      <button
        type="button"
        onClick={() =>
          navigator.clipboard.writeText(url).then(
            () => setIsCopied(true),
            () => setIsCopied(false),
          )
        }
        className="min-h-12 rounded-xl bg-ledger-700 px-5 text-lg font-semibold text-white"
      >
        {isCopied ? "Copied" : "Copy link"}
      </button>
    </div>
  );
}
