import type { Signer } from "ethers";
import { LotTracker__factory } from "@/lib/chain/generated";
import { receiptOf } from "@/lib/chain/provider";

/** Deploys LotTracker with `deployer` as its admin; `blockNumber` is where an indexer starts reading. */
export async function deployLotTracker(
  deployer: Signer,
): Promise<{ address: string; blockNumber: number; txHash: string }> {
  const contract = await new LotTracker__factory(deployer).deploy();
  const deployment = contract.deploymentTransaction();
  if (!deployment || !deployer.provider) throw new Error("The LotTracker deployment was not sent.");
  const receipt = await receiptOf(deployer.provider, deployment.hash);
  if (!receipt.contractAddress) throw new Error("The LotTracker deployment created no contract.");
  return {
    address: receipt.contractAddress,
    blockNumber: receipt.blockNumber,
    txHash: receipt.hash,
  };
}
