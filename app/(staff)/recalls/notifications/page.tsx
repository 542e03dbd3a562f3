import type { Metadata } from "next";
import { RecallWebhookForm } from "@/components/recall/webhook-form";
import { requireMember } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { adminOnlyMessage, isOrganizationAdmin } from "@/lib/organizations";
import { getWebhookEndpoint, SET_WEBHOOK } from "@/lib/recall";
import { removeWebhookAction, setWebhookAction } from "../actions";

export const metadata: Metadata = { title: "Recall notices" };

/** Where the organisation receives recall notices besides this app: a webhook, or nowhere. */
export default async function RecallNotificationsPage() {
  const member = await requireMember();
  const endpoint = await getWebhookEndpoint({
    db: getDb(),
    organizationId: member.organization.id,
  });
  return (
    <>
      <h1 className="text-2xl font-bold">Recall notices</h1>
      <p>
        When a recall concerns stock {member.organization.name} holds, everyone here sees it in
        LotLedger.{" "}
        {endpoint
          ? `It is also sent to ${endpoint.url}.`
          : "It can also be sent to a webhook of your own systems."}
      </p>
      {isOrganizationAdmin(member) ? (
        <>
          <RecallWebhookForm action={setWebhookAction} currentUrl={endpoint?.url ?? null} />
          {endpoint ? (
            <form action={removeWebhookAction}>
              <button
                type="submit"
                className="min-h-11 rounded-xl border-2 border-stone-400 px-4 font-semibold"
              >
                Stop sending to the webhook
              </button>
            </form>
          ) : null}
        </>
      ) : (
        <p className="rounded-xl bg-stone-100 p-4">{adminOnlyMessage(member, SET_WEBHOOK)}</p>
      )}
    </>
  );
}
