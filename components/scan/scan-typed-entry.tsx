"use client";

import { type FormEvent, useState, useTransition } from "react";
import { fieldId } from "../forms/form-state";
import { TextField } from "../forms/text-field";

/**
 * For a label the camera can't read: the digits under a barcode, "(01)…(10)…", or the Digital Link.
 * A plain submit handler, not a form action, so a refused code stays in the field to correct. A
 * refusal is said once, in the scan page's alert (`messageId`), which the field points to.
 */
export function ScanTypedEntry({
  onSubmit,
  isDisabled,
  messageId,
}: {
  onSubmit: (text: string) => Promise<string | undefined>;
  isDisabled: boolean;
  messageId: string;
}) {
  const [isPending, startTransition] = useTransition();
  const [isInvalid, setIsInvalid] = useState(false);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const code = String(new FormData(form).get("code") ?? "");
    startTransition(async () => {
      const refusal = await onSubmit(code);
      setIsInvalid(refusal !== undefined);
      // Answered (offline, the page stays): the next label starts from an empty field.
      if (refusal === undefined) form.reset();
    });
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-3" noValidate>
      <TextField
        label="Type the code"
        name="code"
        autoComplete="off"
        autoCapitalize="off"
        spellCheck={false}
        enterKeyHint="go"
        hint="The digits under the barcode, (01)…(10)…, or the https:// link."
        {...(isInvalid
          ? { "aria-invalid": true, "aria-describedby": `${messageId} ${fieldId("code")}-hint` }
          : {})}
      />
      <button
        type="submit"
        disabled={isDisabled || isPending}
        className="min-h-14 w-full rounded-xl bg-ledger-700 px-6 text-lg font-semibold text-white hover:bg-ledger-900 disabled:bg-stone-400"
      >
        Look up
      </button>
    </form>
  );
}
