import { toBeHex } from "ethers";
import { inject } from "vitest";
import type { Member } from "@/lib/auth/session";
import {
  deployLotTracker,
  grantOrganizationRole,
  roleForOrganizationKind,
} from "@/lib/chain/deploy";
import { LotTracker__factory } from "@/lib/chain/generated";
import { processOutbox } from "@/lib/chain/outbox/sender";
import { createProvider } from "@/lib/chain/provider";
import { receiptOf } from "@/lib/chain/receipt";
import type { Db } from "@/lib/db/client";
import { gs1CheckDigit } from "@/lib/gs1/check-digit";
import { indexNextBatch } from "@/lib/indexer/indexer";
import { createSigningKey } from "@/lib/organizations/signing-key";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";
import {
  queueAcceptHandoff,
  queueCreateLot,
  queueDerive,
  queueHandoff,
  TEST_GTIN,
} from "./lot-writes";

// A test world for recalls on the real parts: a database of its own, a LotTracker deployed on the test
// anvil, organisations of every kind with their own keys and roles, and lots written the way the app
// writes them (outbox → sender → chain → indexer), so lineage and recall status come from real events.

export const MASTER_KEY = "cd".repeat(32);
const CHAIN_ID = 31337;
const KINDS = ["FARM", "PACKER", "CARRIER", "RETAILER", "REGULATOR"] as const;
type Kind = (typeof KINDS)[number];

export type RecallLedger = {
  db: Db;
  /** An ADMIN of one organisation per kind, and a READ_ONLY member of the retailer. */
  members: Record<Lowercase<Kind>, Member> & { retailerReadOnly: Member };
  createLot(
    member: Member,
    lotCode: string,
    options?: { packages?: number; gtin?: string },
  ): Promise<string>;
  /** A split (one input, several outputs), merge (several, one) or transformation (several, several). */
  derive(
    member: Member,
    method: "split" | "merge" | "transform",
    inputIds: string[],
    outputCodes: string[],
    options?: { packagesEach?: number },
  ): Promise<string[]>;
  ship(from: Member, lotId: string, to: Member): Promise<void>;
  /** Sends every queued write and indexes the chain up to its head. */
  settle(): Promise<void>;
  serialsOf(lotId: string): Promise<string[]>;
  /** Takes the organisation's role away on the chain, so the ledger refuses what it sends next. */
  revokeRole(member: Member): Promise<void>;
  drop(): Promise<void>;
};

export const GTIN = TEST_GTIN;
const gln = (n: number) => {
  const body = `952009${String(n).padStart(6, "0")}`;
  return `${body}${gs1CheckDigit(body)}`;
};

export async function createRecallLedger(): Promise<RecallLedger> {
  const database: TestDatabase = await createTestDatabase();
  const { db } = database;
  const provider = createProvider(inject("rpcUrl"), CHAIN_ID);
  const admin = await provider.getSigner(0);
  const deployment = await deployLotTracker(admin);
  const lotTracker = LotTracker__factory.connect(deployment.address, admin);
  const sender = {
    db,
    provider,
    chainId: CHAIN_ID,
    contractAddress: deployment.address,
    masterKey: MASTER_KEY,
  };
  const source = { ...sender, startBlock: deployment.blockNumber, confirmations: 0 };

  const members = {} as RecallLedger["members"];
  for (const [i, kind] of KINDS.entries()) {
    const key = createSigningKey(MASTER_KEY);
    const organization = await db.organization.create({
      data: {
        name: `Test ${kind.toLowerCase()}`,
        kind,
        gln: gln(i + 1),
        chainAddress: key.address,
        encryptedKey: key.encryptedKey,
        locations: { create: { gln: gln(i + 101), name: `${kind} site`, address: `${i} Test Rd` } },
      },
    });
    await provider.send("anvil_setBalance", [key.address, toBeHex(10n ** 20n)]);
    await grantOrganizationRole(lotTracker, roleForOrganizationKind(kind), key.address);
    const member = (role: Member["role"], suffix = ""): Member => ({
      userId: `user-${kind}${suffix}`,
      name: `${kind} person${suffix}`,
      email: `${kind.toLowerCase()}${suffix}@recall.test`,
      role,
      organization: {
        id: organization.id,
        name: organization.name,
        kind,
        gln: organization.gln,
        chainAddress: organization.chainAddress,
      },
    });
    members[kind.toLowerCase() as Lowercase<Kind>] = member("ADMIN");
    if (kind === "RETAILER") members.retailerReadOnly = member("READ_ONLY", "-ro");
  }

  async function settle() {
    for (let pass = 0; pass < 50; pass++) {
      const sent = await processOutbox(sender);
      const { blocks } = await indexNextBatch(source);
      const open = await db.ledgerTransaction.count({
        where: { status: { in: ["PENDING", "SIGNED"] } },
      });
      if (sent === 0 && blocks === 0 && open === 0) return;
    }
    throw new Error("The outbox did not settle in 50 passes.");
  }

  return {
    db,
    members,
    settle,
    async createLot(member, lotCode, { packages = 0, gtin = GTIN } = {}) {
      const { lots } = await queueCreateLot(db, member, { lotCode, packages, gtin });
      await settle();
      return lots[0]?.lotId as string;
    },
    async derive(member, method, inputIds, outputCodes, { packagesEach = 0 } = {}) {
      const { lots } = await queueDerive(db, member, {
        method,
        inputIds,
        outputCodes,
        packagesEach,
      });
      await settle();
      return lots.map((lot) => lot.lotId);
    },
    async ship(from, lotId, to) {
      await queueHandoff(db, from, { lotId, to });
      await settle();
      await queueAcceptHandoff(db, to, { lotId });
      await settle();
    },
    async serialsOf(lotId) {
      const rows = await db.package.findMany({ where: { lotId }, orderBy: { serial: "asc" } });
      return rows.map((row) => row.serial);
    },
    async revokeRole(member) {
      const role = roleForOrganizationKind(member.organization.kind as Kind);
      await receiptOf(
        provider,
        (await lotTracker.revokeRole(role, member.organization.chainAddress)).hash,
      );
    },
    drop: () => database.drop(),
  };
}
