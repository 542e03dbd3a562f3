import { hashPassword } from "better-auth/crypto";
import { parseEther, type Signer } from "ethers";
import { grantOrganizationRole, roleForOrganizationKind } from "@/lib/chain/deploy";
import type { LotTracker } from "@/lib/chain/generated";
import { receiptOf } from "@/lib/chain/receipt";
import type { Db } from "@/lib/db/client";
import { createSigningKey } from "@/lib/organizations/signing-key";
import { DEMO_ORGANIZATIONS, DEMO_PASSWORD } from "./demo-data";

/**
 * Demo organisations, one person each, a location each, and their ledger accounts registered with the
 * role their kind needs. Safe to run on every start: each step is skipped when already done, so a
 * start interrupted half-way finishes the job next time.
 */
export async function seedDemoData({
  db,
  masterKey,
  lotTracker,
  fundEach,
}: {
  db: Db;
  masterKey: string;
  /** Connected to the contract admin; without it, roles are left to the operator. */
  lotTracker?: LotTracker;
  /** Gas money for each organisation account (embedded chain only). */
  fundEach?: (address: string) => Promise<void>;
}): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const demo of DEMO_ORGANIZATIONS) {
    const organization =
      (await db.organization.findUnique({ where: { gln: demo.gln } })) ??
      (await db.organization.create({
        data: {
          name: demo.name,
          kind: demo.kind,
          gln: demo.gln,
          ...(({ address, encryptedKey }) => ({ chainAddress: address, encryptedKey }))(
            createSigningKey(masterKey),
          ),
          locations: { create: demo.location },
          users: {
            create: {
              id: crypto.randomUUID(),
              name: demo.user.name,
              email: demo.user.email,
              emailVerified: true,
              role: "ADMIN",
            },
          },
        },
      }));
    const user = await db.user.findUniqueOrThrow({ where: { email: demo.user.email } });
    const hasPassword = await db.account.findFirst({
      where: { userId: user.id, providerId: "credential" },
    });
    if (!hasPassword) {
      await db.account.create({
        data: {
          id: crypto.randomUUID(),
          accountId: user.id,
          providerId: "credential",
          userId: user.id,
          password: passwordHash,
        },
      });
    }
    if (lotTracker) {
      await grantOrganizationRole(
        lotTracker,
        roleForOrganizationKind(demo.kind),
        organization.chainAddress,
      );
    }
    await fundEach?.(organization.chainAddress);
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
