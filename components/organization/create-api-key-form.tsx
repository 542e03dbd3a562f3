"use client";

import { useActionState } from "react";
import { API_KEY_SCOPE_LABELS, API_KEY_SCOPES } from "@/lib/auth/api-key-scopes";
import { FormError } from "../forms/form-error";
import { SubmitButton } from "../forms/submit-button";
import { TextField } from "../forms/text-field";
import { CopyLink } from "./invite-member-form";

export type ApiKeyFormState =
  | { message?: string; field?: string; values?: Record<string, string> }
  | { created: { name: string; key: string } }
  | undefined;

/** An admin names a key and ticks what it may do; the key itself is shown once, right after. */
export function CreateApiKeyForm({
  action,
}: {
  action: (state: ApiKeyFormState, data: FormData) => Promise<ApiKeyFormState>;
}) {
  const [state, formAction] = useActionState(action, undefined);
  const created = state && "created" in state ? state.created : null;
  const problem = state && !("created" in state) ? state : undefined;
  return (
    <div className="flex flex-col gap-4">
      {created ? (
        <div
          role="status"
          className="flex flex-col gap-3 rounded-xl border-2 border-ledger-600 bg-ledger-50 p-4"
        >
          <p>
            The key “{created.name}”, shown only now: copy it into the system that uses it. It is
            sent as <code className="break-all">Authorization: Bearer …</code>
          </p>
          <CopyLink label="API key" url={created.key} copyLabel="Copy key" />
        </div>
      ) : null}
      <form action={formAction} noValidate className="flex flex-col gap-4">
        <FormError state={problem} />
        <TextField
          label="Key name"
          name="name"
          autoComplete="off"
          hint="What uses it, such as “ERP” or “Dock 3 logger”."
          defaultValue={created ? "" : problem?.values?.name}
          isInvalid={problem?.field === "name"}
        />
        <fieldset className="flex flex-col gap-2" aria-invalid={problem?.field === "scopes"}>
          <legend className="mb-1.5 text-base font-semibold">It may</legend>
          {API_KEY_SCOPES.map((scope) => (
            <label key={scope} className="flex min-h-11 items-center gap-3 text-lg">
              <input
                type="checkbox"
                name="scopes"
                value={scope}
                defaultChecked={scope === "READ"}
                className="size-6 shrink-0 accent-ledger-700"
              />
              {API_KEY_SCOPE_LABELS[scope]}
            </label>
          ))}
        </fieldset>
        <SubmitButton pendingLabel="Creating the key…">Create API key</SubmitButton>
      </form>
    </div>
  );
}
