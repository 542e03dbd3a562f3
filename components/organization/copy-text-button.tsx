"use client";

import { useState } from "react";

/** A thumb-sized button that copies a text (a logger's address) and says it did. */
export function CopyTextButton({ text, label }: { text: string; label: string }) {
  const [isCopied, setIsCopied] = useState(false);
  return (
    <button
      type="button"
      aria-label={isCopied ? `${label}: copied` : label}
      onClick={() =>
        navigator.clipboard.writeText(text).then(
          () => setIsCopied(true),
          () => setIsCopied(false),
        )
      }
      className="min-h-11 min-w-16 rounded-lg border-2 border-stone-300 bg-white px-3 text-sm font-semibold text-stone-800"
    >
      {isCopied ? "Copied" : "Copy"}
    </button>
  );
}
