import { API_KEY_SCOPE_LABELS, type ApiKeyScope } from "@/lib/auth/api-key-scopes";
import { formatInvitationDate } from "@/lib/organizations/invitation-message";
import type { FormState } from "../forms/form-state";
import { InlineActionForm } from "../forms/inline-action-form";

type ApiKeyRow = {
  id: string;
  name: string;
  prefix: string;
  scopes: ApiKeyScope[];
  createdBy: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

/** The organisation's API keys: what each may do, who made it, when it was last used; revoke. */
export function ApiKeyList({
  apiKeys,
  revoke,
}: {
  apiKeys: ApiKeyRow[];
  revoke: (apiKeyId: string) => Promise<FormState>;
}) {
  if (apiKeys.length === 0) {
    return <p className="text-stone-600">No API keys yet.</p>;
  }
  return (
    <ul className="flex flex-col gap-3" aria-label="API keys">
      {apiKeys.map((key) => (
        <li
          key={key.id}
          className={`flex flex-col gap-2 rounded-xl border-2 p-4 ${key.revokedAt ? "border-stone-200 bg-stone-100 text-stone-600" : "border-stone-200 bg-white"}`}
        >
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h3 className="text-lg font-semibold">{key.name}</h3>
            <span className="font-mono text-sm">{key.prefix}…</span>
          </div>
          <p>May {key.scopes.map((scope) => API_KEY_SCOPE_LABELS[scope]).join("; ")}.</p>
          <p className="text-sm text-stone-600">
            Created by {key.createdBy} on {formatInvitationDate(key.createdAt)} ·{" "}
            {key.lastUsedAt ? `last used ${formatInvitationDate(key.lastUsedAt)}` : "never used"}
          </p>
          {key.revokedAt ? (
            <p className="font-semibold">Revoked on {formatInvitationDate(key.revokedAt)}</p>
          ) : (
            <InlineActionForm
              summary={`Revoke ${key.name}…`}
              explanation="Every request with this key is refused from now on; this cannot be undone."
              buttonLabel={`Revoke ${key.name}`}
              pendingLabel="Revoking…"
              action={revoke.bind(null, key.id)}
            />
          )}
        </li>
      ))}
    </ul>
  );
}
