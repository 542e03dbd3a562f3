import { toBeHex, Wallet } from "ethers";
import { inject } from "vitest";
import type { Member } from "@/lib/auth/session";
import { type LotTracker, LotTracker__factory } from "@/lib/chain/generated";
import { processOutbox } from "@/lib/chain/outbox/sender";
import { createProvider, grantLotTrackerRole, receiptOf } from "@/lib/chain/provider";
import type { Db } from "@/lib/db/client";
import { gs1CheckDigit } from "@/lib/gs1/keys";
import { indexNextBatch } from "@/lib/indexer/indexer";
import {
  createSignerLookup,
  createSigningKey,
  decryptSigningKey,
  roleForOrganizationKind,
} from "@/lib/organizations";
import { deployLotTracker } from "@/tools/chain/deploy";
import { createTestDatabase, type TestDatabase } from "@/tools/testing/test-database";
import { giveTestPrefixes } from "./company-prefixes";
import { acceptLot, harvestLot, shipLot, splitLot, TEST_GTIN } from "./lot-steps";

// A test world on the real parts (for event, recall and trace tests): a database of its own, a LotTracker deployed on the test
// anvil, organisations of every kind with their own keys and roles, and lots written the way the app
// writes them (outbox → sender → chain → indexer), so lineage and recall status come from real events.

export const MASTER_KEY = "cd".repeat(32);
const CHAIN_ID = 31337;
const KINDS = ["FARM", "PACKER", "CARRIER", "RETAILER", "REGULATOR"] as const;
type Kind = (typeof KINDS)[number];

export type LedgerWorld = {
  db: Db;
  /** An ADMIN of one organisation per kind made, and a READ_ONLY member of the retailer. */
  members: Record<Lowercase<Kind>, Member> & { retailerReadOnly: Member };
  /** A harvest by the farm (the next holder named in it is the packer). */
  harvest(lotCode: string): Promise<string>;
  /** A split (one input, several outputs), merge (several, one) or transformation (several, several). */
  /** Splits a lot the member holds into lots of the given codes, each with its packages. */
  split(
    member: Member,
    lotId: string,
    outputCodes: string[],
    options?: { packagesEach?: number },
  ): Promise<string[]>;
  ship(from: Member, lotId: string, to: Member): Promise<void>;
  /**
   * Sends a LotTracker call signed with the organisation's own key, as another client of the same
   * contract could (LotLedger's own checks are not asked), then settles.
   */
  sendAs(
    member: Member,
    call: (lotTracker: LotTracker) => Promise<{ hash: string }>,
  ): Promise<void>;
  /**
   * Hands a lot over and accepts it straight on the chain, signed with the two organisations' keys,
   * as another client of the same contract could: LotLedger's own checks are not asked.
   */
  shipOnChainOnly(from: Member, lotId: string, to: Member): Promise<void>;
  /** Sends every queued write and indexes the chain up to its head. */
  settle(): Promise<void>;
  serialsOf(lotId: string): Promise<string[]>;
  /** Takes the organisation's role away on the chain, so the ledger refuses what it sends next. */
  revokeRole(member: Member): Promise<void>;
  /** One more organisation of a kind (a second carrier, a stranger retailer), with its ADMIN. */
  addOrganization(kind: Kind, name: string): Promise<Member>;
  drop(): Promise<void>;
};

export const GTIN = TEST_GTIN;
const glnOf = (prefix: string, n: number) => {
  const body = `${prefix}${String(n).padStart(6, "0")}`;
  return `${body}${gs1CheckDigit(body)}`;
};

/**
 * `kinds`: the organisations to make, one of each (members has only those); `glnPrefix`: the
 * 6-digit prefix of their GLNs, so a second world's parties are not the first one's.
 */
export async function createLedgerWorld({
  kinds = KINDS,
  glnPrefix = "952009",
}: {
  kinds?: readonly Kind[];
  glnPrefix?: string;
} = {}): Promise<LedgerWorld> {
  const gln = (n: number) => glnOf(glnPrefix, n);
  const database: TestDatabase = await createTestDatabase();
  const { db } = database;
  const provider = createProvider(inject("rpcUrl"), CHAIN_ID);
  const admin = await provider.getSigner(0);
  const deployment = await deployLotTracker(admin);
  const lotTracker = LotTracker__factory.connect(deployment.address, admin);
  // As the stack records it: domains read the contract's address from here (an EIP-712 domain).
  await db.contractDeployment.create({ data: { chainId: CHAIN_ID, ...deployment } });
  const sender = {
    db,
    provider,
    chainId: CHAIN_ID,
    contractAddress: deployment.address,
    signerOf: createSignerLookup({ db, masterKey: MASTER_KEY }),
  };
  const source = { ...sender, startBlock: deployment.blockNumber, confirmations: 0 };

  let organizations = 0;
  /** An organisation with its key, funds, role on the chain and one site; its members by role. */
  async function addOrganization(kind: Kind, name: string) {
    const i = organizations++;
    // The first organisation of each kind keeps its people's plain names; later ones are numbered.
    const person = i < KINDS.length ? kind : `${kind}-${i}`;
    const key = createSigningKey(MASTER_KEY);
    const organization = await db.organization.create({
      data: {
        name,
        kind,
        gln: gln(i + 1),
        chainAddress: key.address,
        encryptedKey: key.encryptedKey,
        locations: {
          create: { gln: gln(i + 101), name: `${person} site`, address: `${i} Test Rd` },
        },
      },
    });
    await provider.send("anvil_setBalance", [key.address, toBeHex(10n ** 20n)]);
    await grantLotTrackerRole(lotTracker, roleForOrganizationKind(kind), key.address);
    if (kind === "FARM" || kind === "PACKER")
      await giveTestPrefixes({ db, organization, lotTracker });
    return (role: Member["role"], suffix = ""): Member => ({
      userId: `user-${person}${suffix}`,
      name: `${person} person${suffix}`,
      email: `${person.toLowerCase()}${suffix}@recall.test`,
      role,
      organization: {
        id: organization.id,
        name: organization.name,
        kind,
        gln: organization.gln,
        chainAddress: organization.chainAddress,
      },
    });
  }

  const members = {} as LedgerWorld["members"];
  for (const kind of kinds) {
    const member = await addOrganization(kind, `Test ${kind.toLowerCase()}`);
    members[kind.toLowerCase() as Lowercase<Kind>] = member("ADMIN");
    if (kind === "RETAILER") members.retailerReadOnly = member("READ_ONLY", "-ro");
  }

  async function signerOf(member: Member): Promise<LotTracker> {
    const { encryptedKey } = await db.organization.findUniqueOrThrow({
      where: { id: member.organization.id },
    });
    const wallet = new Wallet(decryptSigningKey(encryptedKey, MASTER_KEY), provider);
    return lotTracker.connect(wallet);
  }

  // Settled when nothing is left to send or index. A write signed but not yet mined makes a pass
  // do nothing: wait a little then, by the clock, since on a loaded machine 50 quick passes end
  // before the chain answers.
  async function settle() {
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      const sent = await processOutbox(sender);
      const { blocks } = await indexNextBatch(source);
      const open = await db.ledgerTransaction.count({
        where: { status: { in: ["PENDING", "SIGNED"] } },
      });
      if (sent === 0 && blocks === 0 && open === 0) return;
      if (sent === 0 && blocks === 0) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error("The outbox did not settle in 30 s.");
  }

  return {
    db,
    members,
    settle,
    async harvest(lotCode) {
      const { lotId } = await harvestLot(db, members.farm, { lotCode, nextHolder: members.packer });
      await settle();
      return lotId;
    },
    async split(member, lotId, outputCodes, { packagesEach = 0 } = {}) {
      const outputs = outputCodes.map((lotCode) => ({ lotCode, packages: packagesEach }));
      const { lotIds } = await splitLot(db, member, { lotId, outputs });
      await settle();
      return lotIds;
    },
    async ship(from, lotId, to) {
      await shipLot(db, from, { lotId, to });
      await settle();
      await acceptLot(db, to, { lotId });
      await settle();
    },
    async shipOnChainOnly(from, lotId, to) {
      const noPayload = `0x${"00".repeat(32)}`;
      const handoff = await (await signerOf(from)).handoff(
        lotId,
        to.organization.chainAddress,
        noPayload,
      );
      await receiptOf(provider, handoff.hash);
      const accept = await (await signerOf(to)).acceptHandoff(lotId, noPayload);
      await receiptOf(provider, accept.hash);
      await settle();
    },
    async sendAs(member, call) {
      await receiptOf(provider, (await call(await signerOf(member))).hash);
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
    addOrganization: async (kind, name) => (await addOrganization(kind, name))("ADMIN"),
    drop: () => database.drop(),
  };
}
