import { grantCompanyPrefix } from "@/lib/chain/company-prefix";
import type { LotTracker } from "@/lib/chain/generated";
import type { Db } from "@/lib/db/client";
import { grantOrganizationPrefix } from "@/tools/stack/company-prefixes";

/**
 * The GS1 company prefixes of every GTIN the tests put on the ledger: 950600 (GS1's example GTINs
 * 0950600013435x and 0950600013436x) and 0614141 (GS1's 00614141…, in the contract tests and the gas
 * benchmark). Every test producer holds both, so tests that are not about prefixes need not care.
 */
export const TEST_COMPANY_PREFIXES = ["950600", "0614141"] as const;

/** Grants the test prefixes to an address, signed by `lotTracker`'s runner (a prefix admin). */
export async function grantTestPrefixes(lotTracker: LotTracker, address: string): Promise<void> {
  for (const prefix of TEST_COMPANY_PREFIXES) await grantCompanyPrefix(lotTracker, address, prefix);
}

/**
 * Gives a test organisation the test prefixes as the operator does: on LotTracker and in the
 * database, or in the database only when the test has no chain (its writes are never sent).
 */
export async function giveTestPrefixes({
  db,
  organization,
  lotTracker = null,
}: {
  db: Db;
  organization: { id: string; chainAddress: string };
  lotTracker?: LotTracker | null;
}): Promise<void> {
  for (const prefix of TEST_COMPANY_PREFIXES) {
    if (lotTracker) {
      await grantOrganizationPrefix({ db, lotTracker, organization, prefix });
    } else {
      await db.companyPrefix.upsert({
        where: { organizationId_prefix: { organizationId: organization.id, prefix } },
        create: { organizationId: organization.id, prefix },
        update: {},
      });
    }
  }
}
