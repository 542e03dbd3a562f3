"use client";

import { Form } from "../forms/form";
import type { FormState } from "../forms/form-state";
import { SubmitButton } from "../forms/submit-button";
import { TextField } from "../forms/text-field";

export type WebhookFormState = FormState | { secret: string };

/** An admin sets the webhook URL; the signing secret is shown once, right after saving. */
export function RecallWebhookForm({
  action,
  currentUrl,
}: {
  action: (state: WebhookFormState, data: FormData) => Promise<WebhookFormState>;
  currentUrl: string | null;
}) {
  return (
    <Form action={action} className="flex max-w-2xl flex-col gap-3">
      {(state) => {
        const secret = state && "secret" in state ? state.secret : null;
        return (
          <>
            {secret ? (
              <div role="status" className="rounded-xl border-2 border-ledger-600 bg-ledger-50 p-4">
                <p className="font-semibold">Saved ✓ The signing secret, shown only now:</p>
                <p className="mt-1 break-all font-mono" data-testid="webhook-secret">
                  {secret}
                </p>
                <p className="mt-1 text-sm">
                  Check each notice's x-lotledger-signature header: sha256= and the HMAC-SHA256 of
                  "timestamp.body" with this secret, the timestamp being the x-lotledger-timestamp
                  header.
                </p>
              </div>
            ) : null}
            <TextField
              label="Webhook URL"
              name="url"
              type="url"
              inputMode="url"
              defaultValue={currentUrl ?? ""}
              autoCapitalize="off"
              hint="LotLedger POSTs each recall notice here as JSON, and retries until it answers 2xx."
            />
            <SubmitButton pendingLabel="Saving…">
              {currentUrl ? "Save with a new secret" : "Save"}
            </SubmitButton>
          </>
        );
      }}
    </Form>
  );
}
