import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type LotTracker, LotTracker__factory } from "@/lib/chain/generated";
import { createProvider } from "@/lib/chain/provider";
import { type OrganizationKind, roleForOrganizationKind } from "@/lib/organizations";
import { deployLotTracker } from "@/tools/chain/deploy";
import { TEST_MASTER_KEY } from "@/tools/testing/organizations";
import { createTestDatabase, type TestDatabase } from "@/tools/testing/test-database";
import { assertNoDemoAccounts, removeDemoData } from "./demo-accounts";
import { DEMO_ORGANIZATIONS } from "./demo-data";
import { seedDemoData } from "./seed";

// A database and chain that an older `npm start` seeded with the demo cast (accounts with the public
// password, organisations with their LotTracker roles), as an operator may find theirs.

const provider = createProvider(inject("rpcUrl"), 31337);
let database: TestDatabase;
let asAdmin: LotTracker;
let readOnly: LotTracker;
let demoOrganizations: Array<{
  id: string;
  name: string;
  kind: OrganizationKind;
  chainAddress: string;
}>;

const holdsItsRole = (organization: (typeof demoOrganizations)[number]) =>
  readOnly.hasRole(roleForOrganizationKind(organization.kind), organization.chainAddress);

beforeAll(async () => {
  database = await createTestDatabase();
  const admin = await provider.getSigner(0);
  const deployment = await deployLotTracker(admin);
  asAdmin = LotTracker__factory.connect(deployment.address, admin);
  readOnly = LotTracker__factory.connect(deployment.address, provider);
  await assertNoDemoAccounts(database.db, "DATABASE_URL is set"); // nothing to refuse yet
  await seedDemoData({ db: database.db, masterKey: TEST_MASTER_KEY, lotTracker: asAdmin });
  demoOrganizations = await database.db.organization.findMany({
    where: { gln: { in: DEMO_ORGANIZATIONS.map((o) => o.gln) } },
    select: { id: true, name: true, kind: true, chainAddress: true },
  });
}, 60_000);

afterAll(async () => {
  provider.destroy();
  await database?.drop();
});

describe("demo accounts outside demo mode", () => {
  it("stop start-up with a sentence naming them, why, and the command that removes them", async () => {
    await expect(assertNoDemoAccounts(database.db, "RPC_URL is set")).rejects.toThrow(
      'This database holds 18 demo account(s) (carrier-staff@lotledger.demo, carrier-viewer@lotledger.demo, carrier@lotledger.demo, …) whose password "lotledger-demo" is public, and LotLedger is not in demo mode here (RPC_URL is set): remove them with `npm run lotledger -- demo remove`, run with the same DATABASE_URL, RPC_URL and DEPLOYER_PRIVATE_KEY, then start again.',
    );
  });

  it("are removed without the contract admin's key, which leaves the roles and says so", async () => {
    const outcome = await removeDemoData({
      db: database.db,
      provider,
      lotTracker: readOnly,
      isContractAdmin: false,
    });
    expect(outcome.accounts).toBe(18);
    expect(outcome.revoked).toEqual([]);
    expect(outcome.rolesLeft.sort()).toEqual(DEMO_ORGANIZATIONS.map((o) => o.name).sort());
    // Kept, so a run with the key can still find the addresses whose roles to revoke.
    expect(outcome.removed).toEqual([]);
    await assertNoDemoAccounts(database.db, "RPC_URL is set");
    expect(await Promise.all(demoOrganizations.map(holdsItsRole))).toEqual(
      demoOrganizations.map(() => true),
    );
  });

  it("lose their roles with the key; organisations that never signed are deleted, others kept", async () => {
    const [withHistory] = demoOrganizations;
    if (!withHistory) throw new Error("no demo organisation was seeded");
    await database.db.ledgerTransaction.create({
      data: {
        organizationId: withHistory.id,
        method: "createLot",
        args: {},
        signerAddress: withHistory.chainAddress,
      },
    });
    const outcome = await removeDemoData({
      db: database.db,
      provider,
      lotTracker: asAdmin,
      isContractAdmin: true,
    });
    expect(outcome.accounts).toBe(0);
    expect(outcome.revoked.sort()).toEqual(DEMO_ORGANIZATIONS.map((o) => o.name).sort());
    expect(outcome.rolesLeft).toEqual([]);
    expect(outcome.kept).toEqual([withHistory.name]);
    expect(outcome.removed).toHaveLength(5);
    expect(await Promise.all(demoOrganizations.map(holdsItsRole))).toEqual(
      demoOrganizations.map(() => false),
    );
    expect(await database.db.organization.count()).toBe(1);
  });
});
