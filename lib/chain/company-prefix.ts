import type { LotTracker } from "./generated";
import { receiptOf } from "./provider";

// LotTracker's registry of GS1 company prefixes (contracts/access/LotTrackerCompanyPrefixes.sol)
// takes a prefix as its value and its number of digits, since leading zeros are part of it.

/** A prefix of 6 to 12 digits as LotTracker's (prefix, digits) arguments. */
export function companyPrefixArgs(prefix: string): [bigint, number] {
  if (!/^\d{6,12}$/.test(prefix)) {
    throw new RangeError(`GS1 company prefix ${JSON.stringify(prefix)} must be 6 to 12 digits.`);
  }
  return [BigInt(prefix), prefix.length];
}

/**
 * Grants a GS1 company prefix to an address, signed by the contract's runner (a prefix admin), and
 * waits for it to be mined. Returns the transaction hash, or null when the address already held the
 * prefix, so seeding and the operator's CLI can call it again safely.
 */
export async function grantCompanyPrefix(
  contract: LotTracker,
  address: string,
  prefix: string,
): Promise<string | null> {
  const args = companyPrefixArgs(prefix);
  if (await contract.hasCompanyPrefix(address, ...args)) return null;
  const tx = await contract.grantCompanyPrefix(address, ...args);
  if (!contract.runner?.provider)
    throw new Error("The LotTracker contract has no provider to wait with.");
  return (await receiptOf(contract.runner.provider, tx.hash)).hash;
}

/** Withdraws a GS1 company prefix from an address; null when it did not hold it. */
export async function revokeCompanyPrefix(
  contract: LotTracker,
  address: string,
  prefix: string,
): Promise<string | null> {
  const args = companyPrefixArgs(prefix);
  if (!(await contract.hasCompanyPrefix(address, ...args))) return null;
  const tx = await contract.revokeCompanyPrefix(address, ...args);
  if (!contract.runner?.provider)
    throw new Error("The LotTracker contract has no provider to wait with.");
  return (await receiptOf(contract.runner.provider, tx.hash)).hash;
}
