import type { LotTracker } from "./generated";
import { receiptOf } from "./receipt";

/**
 * Grants `role` to an address, signed by the contract's runner (an admin), and waits for it to be
 * mined. Returns the transaction hash, or null when the address already held the role, so start-up
 * can call it for every organisation each time.
 */
export async function grantLotTrackerRole(
  contract: LotTracker,
  role: string,
  address: string,
): Promise<string | null> {
  if (await contract.hasRole(role, address)) return null;
  const tx = await contract.grantRole(role, address);
  if (!contract.runner?.provider)
    throw new Error("The LotTracker contract has no provider to wait with.");
  return (await receiptOf(contract.runner.provider, tx.hash)).hash;
}
