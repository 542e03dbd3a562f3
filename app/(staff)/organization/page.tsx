import type { Metadata } from "next";
import Link from "next/link";
import { ApiKeyList } from "@/components/organization/api-key-list";
import { CreateApiKeyForm } from "@/components/organization/create-api-key-form";
import { LocationList, OrganizationSummary } from "@/components/organization/organization-details";
import { listApiKeys } from "@/lib/auth/api-keys";
import { requireMember } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { getOrganization, isOrganizationAdmin } from "@/lib/organizations";
import { createApiKeyAction, revokeApiKeyAction } from "./actions";

export const metadata: Metadata = { title: "Organisation" };

export default async function OrganizationPage({
  searchParams,
}: {
  searchParams: Promise<{ added?: string }>;
}) {
  const member = await requireMember();
  const { added } = await searchParams;
  const organization = await getOrganization({
    db: getDb(),
    organizationId: member.organization.id,
  });
  const isAdmin = isOrganizationAdmin(member);
  const apiKeys = isAdmin ? await listApiKeys({ db: getDb(), member }) : [];
  return (
    <>
      <h1 className="text-2xl font-bold">{organization.name}</h1>
      <OrganizationSummary organization={organization} />
      {isAdmin ? (
        <Link
          href="/organization/members"
          className="flex min-h-14 items-center justify-center rounded-xl bg-ledger-700 px-5 text-lg font-semibold text-white"
        >
          Members and invitations
        </Link>
      ) : null}
      <Link
        href="/organization/devices"
        className="flex min-h-14 items-center justify-center rounded-xl border-2 border-ledger-700 bg-white px-5 text-lg font-semibold text-ledger-900"
      >
        Data loggers
      </Link>
      {isAdmin ? (
        <Link href="/audit-log" className="self-start underline underline-offset-2">
          Audit log: who recorded, changed or exported what, and from where
        </Link>
      ) : null}
      <section className="flex flex-col gap-3">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 className="text-xl font-semibold">Locations</h2>
          {isAdmin ? (
            <Link
              href="/organization/locations/new"
              className="rounded-xl border-2 border-ledger-700 px-5 py-2.5 text-lg font-semibold text-ledger-900"
            >
              Add a location
            </Link>
          ) : null}
        </div>
        <LocationList locations={organization.locations} highlightGln={added} />
      </section>
      {isAdmin ? (
        <section className="flex flex-col gap-3" aria-labelledby="api-keys">
          <h2 id="api-keys" className="text-xl font-semibold">
            API keys
          </h2>
          <p className="text-stone-700">
            For your own systems (an ERP, a data logger's gateway) to call LotLedger's API in{" "}
            {organization.name}'s name. A key is shown once, when it is created.
          </p>
          <ApiKeyList apiKeys={apiKeys} revoke={revokeApiKeyAction} />
          <h3 className="text-lg font-semibold">Create a key</h3>
          <CreateApiKeyForm action={createApiKeyAction} />
        </section>
      ) : null}
    </>
  );
}
