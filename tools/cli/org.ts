import { parseArgs } from "node:util";
import { Wallet } from "ethers";
import { LotTracker__factory } from "@/lib/chain/generated";
import { ConfigError } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { parseCompanyPrefix } from "@/lib/gs1/company-prefix";
import { createOrganization, invitationUrl, inviteByOperator } from "@/lib/organizations";
import { LOCAL_CHAIN_ID } from "../stack/prepare";
import { fundFrom } from "../stack/seed";
import type { CliCommand } from "./command";
import { connectLedger } from "./ledger-connection";
import { readOperatorKeys } from "./operator-keys";
import { changeOrganizationPrefixes } from "./org-prefix";

const OPTIONS = {
  name: { type: "string" },
  kind: { type: "string" },
  gln: { type: "string" },
  "admin-email": { type: "string" },
  address: { type: "string" },
  "location-name": { type: "string" },
  "location-gln": { type: "string" },
  latitude: { type: "string" },
  longitude: { type: "string" },
  email: { type: "string" },
  role: { type: "string" },
  prefix: { type: "string", multiple: true },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS }>>["values"];

const org: CliCommand = {
  usage: `Usage: npm run lotledger -- org create --name <name> --kind <kind> --gln <GLN>
           --admin-email <email> --address <address of the first location>
           [--location-name <name>] [--location-gln <GLN>] [--latitude <°>] [--longitude <°>]
           [--prefix <GS1 company prefix>]...
  registers an organisation (kind FARM, PACKER, PROCESSOR, CARRIER, RETAILER or REGULATOR) with a
  new signing key, its first location (by default named like it, with its GLN), its kind's role
  and the GS1 company prefixes it licensed (6-12 digits) on LotTracker, and prints its first admin's
  invitation link (valid 7 days, single use)
       npm run lotledger -- org grant-prefix --gln <GLN> --prefix <GS1 company prefix>...
       npm run lotledger -- org revoke-prefix --gln <GLN> --prefix <GS1 company prefix>...
  lets the organisation register lots of GTINs under the prefix, or stops it (check its GS1
  licence first); a producer registers lots only of GTINs under its prefixes
       npm run lotledger -- org invite --gln <GLN> --email <email> [--role ADMIN|STAFF|READ_ONLY]
  prints a new invitation link into the organisation with that GLN (role ADMIN by default)
  Signs with DEPLOYER_PRIVATE_KEY (the contract admin) and encrypts with MASTER_KEY, as npm start.`,
  async run(args) {
    const [subcommand, ...rest] = args;
    let values: Values;
    try {
      values = parseArgs({ args: rest, options: OPTIONS, strict: true }).values;
    } catch {
      console.error(org.usage);
      return 2;
    }
    const run = new Map([
      ["create", () => create(values)],
      ["invite", () => invite(values)],
      ["grant-prefix", () => changePrefixes("grant", values)],
      ["revoke-prefix", () => changePrefixes("revoke", values)],
    ]).get(subcommand ?? "");
    if (!run) {
      console.error(org.usage);
      return 2;
    }
    try {
      return await run();
    } catch (error) {
      if (error instanceof ConfigError) {
        for (const problem of error.problems) console.error(`org ${subcommand}: ${problem}`);
        return 1;
      }
      // AppErrors, and plain Errors such as "no database here", say what to do.
      if (error instanceof AppError || (error instanceof Error && error.constructor === Error)) {
        console.error(`org ${subcommand}: ${error.message}`);
        return 1;
      }
      throw error;
    }
  },
};

async function create(values: Values): Promise<number> {
  // A mistyped prefix is refused before the organisation is registered.
  for (const prefix of values.prefix ?? []) parseCompanyPrefix(prefix);
  const keys = readOperatorKeys();
  const ledger = await connectLedger();
  try {
    const admin = new Wallet(keys.contractAdminKey, ledger.provider);
    const { organization, roleTxHash, invitation } = await createOrganization({
      db: ledger.db,
      masterKey: keys.masterKey,
      ledger: {
        lotTracker: LotTracker__factory.connect(ledger.contractAddress, admin),
        // Gas money only on a local development chain; elsewhere the operator funds the account.
        fund: ledger.chainId === LOCAL_CHAIN_ID ? fundFrom(admin) : undefined,
      },
      input: {
        name: values.name ?? "",
        kind: values.kind ?? "",
        gln: values.gln ?? "",
        firstAdminEmail: values["admin-email"] ?? "",
        location: {
          name: values["location-name"],
          gln: values["location-gln"],
          address: values.address ?? "",
          latitude: values.latitude,
          longitude: values.longitude,
        },
      },
    });
    console.log(
      `org create: registered ${organization.name} (${organization.kind.toLowerCase()}, GLN ${organization.gln}) with ledger account ${organization.chainAddress}; its LotTracker role was granted in ${roleTxHash ?? "an earlier transaction"}`,
    );
    if (invitation)
      printInvitation(keys.appUrl, { ...invitation, organizationName: organization.name });
  } finally {
    await ledger.close();
  }
  return values.prefix?.length ? changePrefixes("grant", values) : 0;
}

function changePrefixes(change: "grant" | "revoke", values: Values): Promise<number> {
  return changeOrganizationPrefixes(change, {
    gln: values.gln ?? "",
    prefixes: values.prefix ?? [],
  });
}

async function invite(values: Values): Promise<number> {
  const { appUrl } = readOperatorKeys();
  const ledger = await connectLedger();
  try {
    const invitation = await inviteByOperator({
      db: ledger.db,
      input: { gln: values.gln ?? "", email: values.email ?? "", role: values.role ?? "ADMIN" },
    });
    printInvitation(appUrl, invitation);
    return 0;
  } finally {
    await ledger.close();
  }
}

function printInvitation(
  appUrl: string,
  invitation: {
    email: string;
    role: string;
    organizationName: string;
    token: string;
    expiresAt: Date;
  },
): void {
  console.log(
    `Invitation for ${invitation.email} to join ${invitation.organizationName} as ${invitation.role}, single use, valid until ${invitation.expiresAt.toISOString()}:`,
  );
  console.log(invitationUrl(appUrl, invitation.token));
}

export default org;
