import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type LotTracker, LotTracker__factory } from "@/lib/chain/generated";
import { createProvider } from "@/lib/chain/provider";
import { hashInvitationToken, roleForOrganizationKind } from "@/lib/organizations";
import { deployLotTracker } from "@/tools/chain/deploy";
import { countRows } from "@/tools/testing/database-text";
import { randomGln, TEST_MASTER_KEY } from "@/tools/testing/organizations";
import { createTestDatabase, type TestDatabase } from "@/tools/testing/test-database";
import { ANVIL_DEV_KEY } from "../stack/prepare";

const root = path.resolve(import.meta.dirname, "../..");
// The same command line as `npm run lotledger`, without npm's banner on stdout.
const [node = "node", ...nodeArgs] = JSON.parse(
  readFileSync(path.join(root, "package.json"), "utf8"),
).scripts.lotledger.split(" ");

const provider = createProvider(inject("rpcUrl"), 31337);
let database: TestDatabase;
let lotTracker: LotTracker;
let env: Record<string, string>;

async function runOrg(args: string[], change: Record<string, string | undefined> = {}) {
  try {
    const { stdout, stderr } = await promisify(execFile)(node, [...nodeArgs, "org", ...args], {
      cwd: root,
      env: { ...process.env, ...env, ...change },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const { code, stdout, stderr } = error as { code: number; stdout: string; stderr: string };
    return { code, stdout, stderr };
  }
}

const createArgs = (gln: string, email: string) => [
  "create",
  "--name",
  "Sunrise Fresh-Cut Kitchen",
  "--kind",
  "PROCESSOR",
  "--gln",
  gln,
  "--admin-email",
  email,
  "--address",
  "77 Produce Ln, Hollister, CA",
];

beforeAll(async () => {
  database = await createTestDatabase();
  const admin = await provider.getSigner(0);
  const deployment = await deployLotTracker(admin);
  lotTracker = LotTracker__factory.connect(deployment.address, admin);
  env = {
    DATABASE_URL: database.databaseUrl,
    RPC_URL: inject("rpcUrl"),
    CONTRACT_ADDRESS: deployment.address,
    DEPLOYMENT_BLOCK: String(deployment.blockNumber),
    DEPLOYER_PRIVATE_KEY: ANVIL_DEV_KEY, // anvil's account 0, which deployed it
    MASTER_KEY: TEST_MASTER_KEY,
    APP_URL: "https://lotledger.example",
  };
});

afterAll(async () => {
  await database.drop();
  provider.destroy();
});

// Each case runs the CLI as a Node process with tsx, up to a minute on a busy machine (measured).
describe("lotledger org (child process, as the operator runs it)", { timeout: 120_000 }, () => {
  it("creates the organisation with its role and prints its first admin's invitation link", async () => {
    const gln = randomGln();
    const result = await runOrg(createArgs(gln, "Chef@Sunrise.test"));
    expect(result).toMatchObject({ code: 0, stderr: "" });
    const lines = result.stdout.trim().split("\n");
    const organization = await database.db.organization.findUniqueOrThrow({ where: { gln } });
    expect(lines[0]).toMatch(
      new RegExp(
        `^org create: registered Sunrise Fresh-Cut Kitchen \\(processor, GLN ${gln}\\) with ledger account ${organization.chainAddress}; its LotTracker role was granted in 0x[0-9a-f]{64}$`,
      ),
    );
    expect(lines[1]).toMatch(
      /^Invitation for chef@sunrise\.test to join Sunrise Fresh-Cut Kitchen as ADMIN, single use, valid until \d{4}-.+Z:$/,
    );
    const link = lines[2] as string;
    expect(link).toMatch(/^https:\/\/lotledger\.example\/invitations\/[\w-]{43}$/);
    const token = link.split("/").at(-1) as string;
    expect(
      await database.db.invitation.findUniqueOrThrow({
        where: { tokenHash: hashInvitationToken(token) },
      }),
    ).toMatchObject({ organizationId: organization.id, email: "chef@sunrise.test", role: "ADMIN" });
    expect(
      await lotTracker.hasRole(roleForOrganizationKind("PROCESSOR"), organization.chainAddress),
    ).toBe(true);

    const again = await runOrg([
      "invite",
      "--gln",
      gln,
      "--email",
      "sous@sunrise.test",
      "--role",
      "STAFF",
    ]);
    expect(again).toMatchObject({ code: 0, stderr: "" });
    expect(again.stdout).toContain(
      "Invitation for sous@sunrise.test to join Sunrise Fresh-Cut Kitchen as STAFF",
    );
  });

  it("says which variable to set when the contract admin's key is missing, and writes nothing", async () => {
    const before = await countRows(database.db, ["Organization", "Invitation"]);
    const result = await runOrg(createArgs(randomGln(), "a@sunrise.test"), {
      DEPLOYER_PRIVATE_KEY: "",
    });
    expect(result).toEqual({
      code: 1,
      stdout: "",
      stderr:
        "org create: DEPLOYER_PRIVATE_KEY is not set: set it to the 0x… private key (64 hex characters) of the account that deploys and administers LotTracker.\n",
    });
    expect(await countRows(database.db, ["Organization", "Invitation"])).toEqual(before);
  });

  it("refuses a GLN already registered, in one sentence", async () => {
    const gln = randomGln();
    expect((await runOrg(createArgs(gln, "first@sunrise.test"))).code).toBe(0);
    const result = await runOrg(createArgs(gln, "second@sunrise.test"));
    expect(result).toEqual({
      code: 1,
      stdout: "",
      stderr: `org create: GLN ${gln} is already registered to Sunrise Fresh-Cut Kitchen: check the number, or use that organisation.\n`,
    });
  });

  // Three operator commands, each a Node process of its own: allow for a busy machine.
  it("grants the GS1 company prefixes an organisation licensed, on the ledger and in the database", async () => {
    const gln = randomGln();
    const created = await runOrg([
      ...createArgs(gln, "prefix@sunrise.test"),
      "--prefix",
      "4006381",
    ]);
    expect(created).toMatchObject({ code: 0, stderr: "" });
    const organization = await database.db.organization.findUniqueOrThrow({ where: { gln } });
    expect(created.stdout).toMatch(
      /org grant-prefix: Sunrise Fresh-Cut Kitchen may now register lots of GTINs under GS1 company prefix 4006381 in 0x[0-9a-f]{64}\n$/,
    );
    const granted = await runOrg([
      "grant-prefix",
      "--gln",
      gln,
      "--prefix",
      "0614141",
      "--prefix",
      "4006381",
    ]);
    expect(granted).toMatchObject({ code: 0, stderr: "" });
    expect(granted.stdout).toContain(
      "under GS1 company prefix 4006381 (the ledger had it so already)",
    );
    const prefixesOf = async () =>
      (
        await database.db.companyPrefix.findMany({
          where: { organizationId: organization.id },
          orderBy: { prefix: "asc" },
        })
      ).map((row) => row.prefix);
    expect(await prefixesOf()).toEqual(["0614141", "4006381"]);
    const address = organization.chainAddress;
    expect(await lotTracker.isGtinOf(address, 614141000012n)).toBe(true);

    const revoked = await runOrg(["revoke-prefix", "--gln", gln, "--prefix", "0614141"]);
    expect(revoked).toMatchObject({ code: 0, stderr: "" });
    expect(revoked.stdout).toMatch(
      /no longer registers lots under GS1 company prefix 0614141 in 0x/,
    );
    expect(await prefixesOf()).toEqual(["4006381"]);
    expect(await lotTracker.isGtinOf(address, 614141000012n)).toBe(false);
    expect(await lotTracker.isGtinOf(address, 4006381333931n)).toBe(true);
  }, 120_000);

  it("refuses a prefix that is not 6 to 12 digits before registering anything", async () => {
    const before = await countRows(database.db, ["Organization", "CompanyPrefix"]);
    const result = await runOrg([
      ...createArgs(randomGln(), "p@sunrise.test"),
      "--prefix",
      "61414",
    ]);
    expect(result).toEqual({
      code: 1,
      stdout: "",
      stderr:
        "org create: A GS1 company prefix has 6 to 12 digits, leading zeros included, as on the GS1 licence; “61414” is not one.\n",
    });
    expect(await countRows(database.db, ["Organization", "CompanyPrefix"])).toEqual(before);
  });

  it("prints the usage for an unknown subcommand or option", async () => {
    for (const args of [["rename"], ["constructor"], ["create", "--colour", "red"]]) {
      const result = await runOrg(args);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain("Usage: npm run lotledger -- org create --name <name>");
    }
  });
});
