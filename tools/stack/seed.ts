import { parseEther, type Signer } from "ethers";
import type { LotTracker } from "@/lib/chain/generated";
import { grantLotTrackerRole, receiptOf } from "@/lib/chain/provider";
import type { Db } from "@/lib/db/client";
import {
  createMemberAccount,
  createOrganization,
  roleForOrganizationKind,
} from "@/lib/organizations";
import { publishStorageRule } from "@/lib/products";
import { grantOrganizationPrefix } from "./company-prefixes";
import { DEMO_ORGANIZATIONS, DEMO_PASSWORD, DEMO_PRODUCTS, DEMO_USERS } from "./demo-data";

/**
 * Demo organisations (through the same createOrganization as the operator's `org create`), a
 * location each, an admin, a staff member and a viewer each, and their ledger accounts registered
 * with the role their kind needs and the producers' GS1 company prefixes (as `org grant-prefix`). Safe to run on every start: each step is skipped when already
 * done, so a start interrupted half-way finishes the job next time, and data seeded by an older
 * version gains the people and organisations added since.
 */
export async function seedDemoData({
  db,
  masterKey,
  lotTracker,
  fundEach,
}: {
  db: Db;
  masterKey: string;
  /** Connected to the contract admin; without it, roles and prefixes are left to the operator. */
  lotTracker?: LotTracker;
  /** Gas money for each organisation account (embedded chain only). */
  fundEach?: (address: string) => Promise<void>;
}): Promise<void> {
  const organizationIds = new Map<string, string>();
  for (const demo of DEMO_ORGANIZATIONS) {
    const existing = await db.organization.findUnique({
      where: { gln: demo.gln },
      select: { id: true, chainAddress: true },
    });
    if (existing) {
      // Seeded while no contract admin key was configured, or before a top-up: finish the job.
      if (lotTracker) {
        const role = roleForOrganizationKind(demo.kind);
        await grantLotTrackerRole(lotTracker, role, existing.chainAddress);
      }
      await fundEach?.(existing.chainAddress);
      organizationIds.set(demo.gln, existing.id);
      continue;
    }
    const { organization } = await createOrganization({
      db,
      masterKey,
      ledger: lotTracker ? { lotTracker, fund: fundEach } : null,
      input: { name: demo.name, kind: demo.kind, gln: demo.gln, location: demo.location },
    });
    organizationIds.set(demo.gln, organization.id);
  }
  if (lotTracker) {
    for (const demo of DEMO_ORGANIZATIONS) {
      const organization = await db.organization.findUniqueOrThrow({
        where: { gln: demo.gln },
        select: { id: true, chainAddress: true },
      });
      for (const prefix of demo.companyPrefixes) {
        await grantOrganizationPrefix({ db, lotTracker, organization, prefix });
      }
    }
  }
  const farmId = organizationIds.get(DEMO_ORGANIZATIONS[0].gln) as string;
  for (const product of DEMO_PRODUCTS) {
    await db.product.upsert({
      where: { gtin: product.gtin },
      create: { ...product, organizationId: farmId },
      update: {},
    });
    // The farm holds the prefix only once the admin granted it: the rule waits for that too.
    if (lotTracker) {
      await db.$transaction((tx) =>
        publishStorageRule(tx, {
          organizationId: farmId,
          product,
        }),
      );
    }
  }
  for (const person of DEMO_USERS) {
    if (await db.user.findUnique({ where: { email: person.email }, select: { id: true } }))
      continue;
    await db.$transaction((tx) =>
      createMemberAccount(tx, {
        organizationId: organizationIds.get(person.organization.gln) as string,
        name: person.name,
        email: person.email,
        role: person.role,
        password: DEMO_PASSWORD,
      }),
    );
  }
}

/** A funder for the embedded chain: tops an account up to 100 ETH from one of anvil's dev accounts. */
export function fundFrom(sender: Signer) {
  return async (address: string) => {
    const balance = (await sender.provider?.getBalance(address)) ?? 0n;
    if (balance >= parseEther("1")) return;
    const tx = await sender.sendTransaction({ to: address, value: parseEther("100") });
    if (sender.provider) await receiptOf(sender.provider, tx.hash);
  };
}
