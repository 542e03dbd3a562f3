import { Wallet } from "ethers";
import { LotTracker__factory } from "@/lib/chain/generated";
import { AppError } from "@/lib/errors";
import { parseCompanyPrefix } from "@/lib/gs1/company-prefix";
import { parseGln } from "@/lib/gs1/keys";
import { grantOrganizationPrefix, revokeOrganizationPrefix } from "../stack/company-prefixes";
import { connectLedger } from "./ledger-connection";
import { readOperatorKeys } from "./operator-keys";

// `org grant-prefix` and `org revoke-prefix`: the operator registers the GS1 company prefixes an
// organisation licensed from GS1 (check its licence first), on LotTracker and in the database.

/** Grants or revokes each prefix for the organisation with this GLN; prints one line per prefix. */
export async function changeOrganizationPrefixes(
  change: "grant" | "revoke",
  { gln, prefixes }: { gln: string; prefixes: readonly string[] },
): Promise<number> {
  if (prefixes.length === 0) {
    throw new AppError("INVALID_INPUT", "Name the GS1 company prefix with --prefix <digits>.");
  }
  const parsed = prefixes.map(parseCompanyPrefix);
  const keys = readOperatorKeys();
  const ledger = await connectLedger();
  try {
    const organization = await ledger.db.organization.findUnique({
      where: { gln: parseGln(gln) },
      select: { id: true, name: true, chainAddress: true },
    });
    if (!organization) {
      throw new AppError(
        "NOT_FOUND",
        `No organisation has GLN ${gln}: check the number, or register it with org create.`,
      );
    }
    const admin = new Wallet(keys.contractAdminKey, ledger.provider);
    const lotTracker = LotTracker__factory.connect(ledger.contractAddress, admin);
    for (const prefix of parsed) {
      const options = { db: ledger.db, lotTracker, organization, prefix };
      await printChange(change, organization.name, prefix, options);
    }
    return 0;
  } finally {
    await ledger.close();
  }
}

/** One prefix granted or revoked, and the line saying so. */
async function printChange(
  change: "grant" | "revoke",
  name: string,
  prefix: string,
  options: Parameters<typeof grantOrganizationPrefix>[0],
): Promise<void> {
  const txHash =
    change === "grant"
      ? await grantOrganizationPrefix(options)
      : await revokeOrganizationPrefix(options);
  const done = change === "grant" ? "may now register lots of GTINs" : "no longer registers lots";
  const where = txHash ? `in ${txHash}` : "(the ledger had it so already)";
  console.log(`org ${change}-prefix: ${name} ${done} under GS1 company prefix ${prefix} ${where}`);
}
