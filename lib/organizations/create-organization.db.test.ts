import { Wallet } from "ethers";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type LotTracker, LotTracker__factory } from "@/lib/chain/generated";
import { createProvider } from "@/lib/chain/provider";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { deployLotTracker } from "@/tools/chain/deploy";
import { countRows, databaseText } from "@/tools/testing/database-text";
import { randomGln, TEST_MASTER_KEY } from "@/tools/testing/organizations";
import { createTestDatabase, type TestDatabase } from "@/tools/testing/test-database";
import {
  type CreateOrganizationInput,
  createOrganization,
  createSignerLookup,
  decryptSigningKey,
  hashInvitationToken,
  INVITATION_TTL_MS,
  roleForOrganizationKind,
} from ".";

const provider = createProvider(inject("rpcUrl"), 31337);
const TABLES = ["Organization", "Location", "Invitation", "User"];

let database: TestDatabase;
let db: Db;
let lotTracker: LotTracker;
let serial = 0;

function input(change: Partial<CreateOrganizationInput> = {}): CreateOrganizationInput {
  return {
    name: "Hillside Growers",
    kind: "FARM",
    gln: randomGln(),
    location: { address: "3 Orchard Rd, Salinas, CA", latitude: "36.7", longitude: "-121.6" },
    firstAdminEmail: `admin-${++serial}@hillside.test`,
    ...change,
  };
}

const create = (change: Partial<CreateOrganizationInput> = {}, ledger = { lotTracker }) =>
  createOrganization({ db, masterKey: TEST_MASTER_KEY, ledger, input: input(change) });

async function roleGrants(): Promise<number> {
  return (await lotTracker.queryFilter(lotTracker.filters.RoleGranted())).length;
}

/** The refusal's code and sentence, and proof that neither the database nor the chain changed. */
async function refusal(run: () => Promise<unknown>) {
  const before = { rows: await countRows(db, TABLES), grants: await roleGrants() };
  const error = await run().then(
    () => new Error("expected a refusal"),
    (thrown: unknown) => thrown,
  );
  expect({ rows: await countRows(db, TABLES), grants: await roleGrants() }).toEqual(before);
  return {
    code: error instanceof AppError ? error.code : "Error",
    message: (error as Error).message,
  };
}

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  const admin = await provider.getSigner(0);
  lotTracker = LotTracker__factory.connect((await deployLotTracker(admin)).address, admin);
});

afterAll(async () => {
  await database.drop();
  provider.destroy();
});

describe("createOrganization", () => {
  it("registers the organisation, its first location, its role and its first admin's invitation", async () => {
    const started = Date.now();
    const { organization, roleTxHash, invitation } = await create();
    expect(
      await lotTracker.hasRole(roleForOrganizationKind("FARM"), organization.chainAddress),
    ).toBe(true);
    expect(roleTxHash).toMatch(/^0x[0-9a-f]{64}$/);
    const row = await db.organization.findUniqueOrThrow({
      where: { id: organization.id },
      include: { locations: true, invitations: true },
    });
    expect(row).toMatchObject({ name: "Hillside Growers", kind: "FARM", gln: organization.gln });
    expect(row.locations).toEqual([
      expect.objectContaining({
        name: "Hillside Growers",
        gln: organization.gln,
        address: "3 Orchard Rd, Salinas, CA",
        latitude: 36.7,
        longitude: -121.6,
      }),
    ]);
    expect(invitation).not.toBeNull();
    expect(row.invitations).toEqual([
      expect.objectContaining({
        email: `admin-${serial}@hillside.test`,
        role: "ADMIN",
        acceptedAt: null,
        invitedById: null,
        tokenHash: hashInvitationToken(invitation?.token as string),
      }),
    ]);
    const expiresIn = (row.invitations[0]?.expiresAt.getTime() ?? 0) - started;
    expect(expiresIn).toBeGreaterThanOrEqual(INVITATION_TTL_MS);
    expect(expiresIn).toBeLessThan(INVITATION_TTL_MS + 60_000);
  });

  it("keeps the signing key only encrypted: nowhere in the database, nor in what it returns", async () => {
    const result = await create();
    const { encryptedKey } = await db.organization.findUniqueOrThrow({
      where: { id: result.organization.id },
    });
    const privateKey = decryptSigningKey(encryptedKey, TEST_MASTER_KEY);
    expect(new Wallet(privateKey).address).toBe(result.organization.chainAddress);
    const everything = `${await databaseText(db)}\n${JSON.stringify(result)}`;
    expect(everything).toContain(result.organization.chainAddress);
    expect(everything.toLowerCase()).not.toContain(privateKey.slice(2).toLowerCase());
    expect(everything).not.toContain(Buffer.from(privateKey.slice(2), "hex").toString("base64"));
    // The invitation's token is returned once, for the link, and stored only as its hash.
    expect(await databaseText(db)).not.toContain(result.invitation?.token as string);
    expect(JSON.stringify(result)).not.toContain(encryptedKey);
  });

  it("gives the outbox sender the organisation's wallet, its key decrypted with MASTER_KEY", async () => {
    const { organization } = await create({ firstAdminEmail: undefined });
    const signerOf = createSignerLookup({ db, masterKey: TEST_MASTER_KEY });
    const wallet = await signerOf(organization.id);
    expect(wallet.address).toBe(organization.chainAddress);
    expect(await signerOf(organization.id)).toBe(wallet);
  });

  it.each([
    ["FARM", "PRODUCER_ROLE"],
    ["PACKER", "PRODUCER_ROLE"],
    ["PROCESSOR", "PRODUCER_ROLE"],
    ["CARRIER", "CARRIER_ROLE"],
    ["RETAILER", "RETAILER_ROLE"],
    ["REGULATOR", "REGULATOR_ROLE"],
  ] as const)("a %s gets LotTracker's %s and no other", async (kind, roleName) => {
    const { organization } = await create({ kind, firstAdminEmail: undefined });
    for (const name of ["PRODUCER_ROLE", "CARRIER_ROLE", "RETAILER_ROLE", "REGULATOR_ROLE"]) {
      const role = await lotTracker.getFunction(name as "PRODUCER_ROLE")();
      expect(await lotTracker.hasRole(role, organization.chainAddress)).toBe(name === roleName);
    }
  });

  it("without a ledger writes the rows and leaves the role to the contract admin", async () => {
    const grants = await roleGrants();
    const { organization, roleTxHash } = await createOrganization({
      db,
      masterKey: TEST_MASTER_KEY,
      ledger: null,
      input: input({ firstAdminEmail: undefined }),
    });
    expect(roleTxHash).toBeNull();
    expect(await roleGrants()).toBe(grants);
    expect(await db.organization.count({ where: { id: organization.id } })).toBe(1);
  });
});

describe("createOrganization refuses, writing nothing on the chain or in the database", () => {
  it("a GLN already registered to another organisation", async () => {
    const { organization } = await create({ name: "First Farm" });
    expect(await refusal(() => create({ gln: organization.gln }))).toEqual({
      code: "CONFLICT",
      message: `GLN ${organization.gln} is already registered to First Farm: check the number, or use that organisation.`,
    });
  });

  it("a first location whose GLN another organisation's location has", async () => {
    const { organization } = await create();
    expect(
      await refusal(() =>
        create({ location: { address: "1 Main St", gln: organization.gln, name: "Shed" } }),
      ),
    ).toEqual({
      code: "CONFLICT",
      message: `GLN ${organization.gln} is already registered as a location: each place has its own GLN, check the number.`,
    });
  });

  it("a wrong check digit", async () => {
    expect(await refusal(() => create({ gln: "9520123456789" }))).toEqual({
      code: "INVALID_INPUT",
      message:
        "GLN 9520123456789 has a wrong check digit: the last digit should be 8, not 9. Check the number on the label.",
    });
  });

  it("an unknown kind", async () => {
    expect(await refusal(() => create({ kind: "BAKERY" }))).toEqual({
      code: "INVALID_INPUT",
      message:
        "Choose the organisation's kind: FARM, PACKER, PROCESSOR, CARRIER, RETAILER or REGULATOR.",
    });
  });

  it("a first admin who already belongs to another organisation", async () => {
    const { organization } = await create({ firstAdminEmail: undefined });
    await db.user.create({
      data: {
        id: crypto.randomUUID(),
        name: "Taken",
        email: "taken@hillside.test",
        organizationId: organization.id,
      },
    });
    expect(await refusal(() => create({ firstAdminEmail: "Taken@Hillside.test" }))).toEqual({
      code: "CONFLICT",
      message:
        "taken@hillside.test already belongs to another organisation in LotLedger: invite another email address.",
    });
  });

  it("a ledger key that is not LotTracker's admin", async () => {
    const stranger = await provider.getSigner(7);
    const asStranger = LotTracker__factory.connect(await lotTracker.getAddress(), stranger);
    expect(await refusal(() => create({}, { lotTracker: asStranger }))).toEqual({
      code: "FORBIDDEN",
      message: `Account ${stranger.address} is not an admin of LotTracker ${await lotTracker.getAddress()}: set DEPLOYER_PRIVATE_KEY to the key of the account that administers it.`,
    });
  });

  it("another MASTER_KEY than the one the existing keys were encrypted with", async () => {
    expect(
      await refusal(() =>
        createOrganization({
          db,
          masterKey: "77".repeat(32),
          ledger: { lotTracker },
          input: input(),
        }),
      ),
    ).toEqual({
      code: "Error",
      message:
        "An organisation's signing key cannot be decrypted with this MASTER_KEY: start LotLedger with the MASTER_KEY the keys were created with.",
    });
  });
});
