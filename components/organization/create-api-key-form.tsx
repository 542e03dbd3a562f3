"use client";

import { API_KEY_SCOPE_LABELS, API_KEY_SCOPES } from "@/lib/auth/api-key-scopes";
import { CheckboxGroup } from "../forms/checkbox-group";
import { Form } from "../forms/form";
import { SubmitButton } from "../forms/submit-button";
import { TextField } from "../forms/text-field";
import { CopyLink } from "./invite-member-form";

export type ApiKeyFormState =
  | {
      message?: string;
      field?: string;
      fieldErrors?: Record<string, string>;
      values?: Record<string, string>;
    }
  | { created: { name: string; key: string } }
  | undefined;

/** An admin names a key and ticks what it may do; the key itself is shown once, right after. */
export function CreateApiKeyForm({
  action,
}: {
  action: (state: ApiKeyFormState, data: FormData) => Promise<ApiKeyFormState>;
}) {
  return (
    <Form action={action} className="flex flex-col gap-4">
      {(state) => {
        const created = state && "created" in state ? state.created : null;
        return (
          <>
            {created ? (
              <div
                role="status"
                className="flex flex-col gap-3 rounded-xl border-2 border-ledger-600 bg-ledger-50 p-4"
              >
                <p>
                  Saved ✓ The key “{created.name}”, shown only now: copy it into the system that
                  uses it. It is sent as <code className="break-all">Authorization: Bearer …</code>
                </p>
                <CopyLink label="API key" url={created.key} copyLabel="Copy key" />
              </div>
            ) : null}
            <TextField
              label="Key name"
              name="name"
              autoComplete="off"
              required
              hint="What uses it, such as “ERP” or “Dock 3 logger”."
            />
            <CheckboxGroup
              label="It may"
              name="scopes"
              options={API_KEY_SCOPES.map((scope) => ({
                value: scope,
                label: API_KEY_SCOPE_LABELS[scope],
              }))}
              defaultValues={["READ"]}
              empty=""
            />
            <SubmitButton pendingLabel="Creating the key…">Create API key</SubmitButton>
          </>
        );
      }}
    </Form>
  );
}
