import type { Provider } from "ethers";
import type { LotTracker } from "@/lib/chain/generated";
import { receiptOf } from "@/lib/chain/provider";
import type { Db } from "@/lib/db/client";
import { roleForOrganizationKind } from "@/lib/organizations";
import { DEMO_ORGANIZATIONS, DEMO_PASSWORD, DEMO_USERS } from "./demo-data";

const DEMO_EMAILS = DEMO_USERS.map((user) => user.email);
const DEMO_GLNS = DEMO_ORGANIZATIONS.map((organization) => organization.gln);

/** The command that removes them, as start-up tells the operator. */
export const REMOVE_DEMO_COMMAND = "npm run lotledger -- demo remove";

/**
 * Start-up outside demo mode: a demo account left in the database (seeded by an older LotLedger, or
 * by a demo run on the same database) signs in with a password printed in the README, so LotLedger
 * refuses to serve until it is gone.
 */
export async function assertNoDemoAccounts(db: Db, why: string): Promise<void> {
  const accounts = await db.user.findMany({
    where: { email: { in: DEMO_EMAILS } },
    select: { email: true },
  });
  if (accounts.length === 0) return;
  // Sorted here, not by the database: the same sentence whatever the server's collation.
  const some = accounts
    .map((account) => account.email)
    .sort()
    .slice(0, 3);
  const list = accounts.length > 3 ? `${some.join(", ")}, …` : some.join(", ");
  throw new Error(
    `This database holds ${accounts.length} demo account(s) (${list}) whose password "${DEMO_PASSWORD}" is public, and LotLedger is not in demo mode here (${why}): remove them with \`${REMOVE_DEMO_COMMAND}\`, run with the same DATABASE_URL, RPC_URL and DEPLOYER_PRIVATE_KEY, then start again.`,
  );
}

export type DemoRemoval = {
  accounts: number;
  /** Demo organisations deleted: they never signed anything. */
  removed: string[];
  /** Kept: they have ledger writes (their history stays readable), or a role still to revoke. */
  kept: string[];
  revoked: string[];
  /** Roles still held because no contract admin key was given. */
  rolesLeft: string[];
};

/**
 * Removes the demo accounts, revokes the demo organisations' LotTracker roles (when `lotTracker` is
 * connected to the contract admin), and deletes the demo organisations that never signed a write.
 */
export async function removeDemoData({
  db,
  provider,
  lotTracker,
  isContractAdmin,
}: {
  db: Db;
  provider: Provider;
  /**
   * Connected to the contract admin when `isContractAdmin`, else to `provider` (reads only); none when
   * the database records no LotTracker on this chain, where no demo role can have been granted.
   */
  lotTracker?: LotTracker;
  isContractAdmin: boolean;
}): Promise<DemoRemoval> {
  const { count: accounts } = await db.user.deleteMany({ where: { email: { in: DEMO_EMAILS } } });
  const outcome: DemoRemoval = { accounts, removed: [], kept: [], revoked: [], rolesLeft: [] };
  const organizations = await db.organization.findMany({
    where: { gln: { in: DEMO_GLNS } },
    select: { id: true, name: true, kind: true, chainAddress: true },
  });
  for (const organization of organizations) {
    const role = roleForOrganizationKind(organization.kind);
    let holdsRole = (await lotTracker?.hasRole(role, organization.chainAddress)) ?? false;
    if (lotTracker && holdsRole && isContractAdmin) {
      const tx = await lotTracker.revokeRole(role, organization.chainAddress);
      await receiptOf(provider, tx.hash);
      outcome.revoked.push(organization.name);
      holdsRole = false;
    }
    if (holdsRole) outcome.rolesLeft.push(organization.name);
    // The demo products' storage rules (setStorageRule, master data no lot depends on) go with it.
    const rules = { organizationId: organization.id, method: "setStorageRule" };
    const writes = await db.ledgerTransaction.count({
      where: { organizationId: organization.id, method: { not: "setStorageRule" } },
    });
    if (holdsRole || writes > 0) {
      outcome.kept.push(organization.name);
      continue;
    }
    await db.$transaction([
      db.webhookEndpoint.deleteMany({ where: { organizationId: organization.id } }),
      db.ledgerTransaction.deleteMany({ where: rules }),
      db.organization.delete({ where: { id: organization.id } }),
    ]);
    outcome.removed.push(organization.name);
  }
  return outcome;
}
