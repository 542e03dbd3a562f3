import { grantCompanyPrefix, revokeCompanyPrefix } from "@/lib/chain/company-prefix";
import type { LotTracker } from "@/lib/chain/generated";
import type { Db } from "@/lib/db/client";
import { parseCompanyPrefix } from "@/lib/gs1/company-prefix";

// The operator's side of GS1 company prefixes: LotTracker enforces them, the database lets the app
// refuse a foreign GTIN with a sentence before queueing anything. Both are written here, the chain
// first on a grant and last on a revocation, so the database never allows what the chain refuses.

type PrefixHolder = { id: string; chainAddress: string };

/**
 * Grants a GS1 company prefix to an organisation: on LotTracker, signed by `lotTracker`'s runner (a
 * prefix admin), then in the database. Safe to repeat. Returns the transaction hash, or null when
 * the chain had it already.
 */
export async function grantOrganizationPrefix({
  db,
  lotTracker,
  organization,
  prefix: typed,
}: {
  db: Db;
  lotTracker: LotTracker;
  organization: PrefixHolder;
  prefix: string;
}): Promise<string | null> {
  const prefix = parseCompanyPrefix(typed);
  const txHash = await grantCompanyPrefix(lotTracker, organization.chainAddress, prefix);
  await db.companyPrefix.upsert({
    where: { organizationId_prefix: { organizationId: organization.id, prefix } },
    create: { organizationId: organization.id, prefix },
    update: {},
  });
  return txHash;
}

/** Withdraws a GS1 company prefix from an organisation: in the database, then on LotTracker. */
export async function revokeOrganizationPrefix({
  db,
  lotTracker,
  organization,
  prefix: typed,
}: {
  db: Db;
  lotTracker: LotTracker;
  organization: PrefixHolder;
  prefix: string;
}): Promise<string | null> {
  const prefix = parseCompanyPrefix(typed);
  await db.companyPrefix.deleteMany({ where: { organizationId: organization.id, prefix } });
  return revokeCompanyPrefix(lotTracker, organization.chainAddress, prefix);
}
