import { type JsonRpcProvider, keccak256, type Signer } from "ethers";
import { lotTrackerCodeHash, lotTrackerImmutableRanges } from "@/lib/chain/generated";
import type { Db } from "@/lib/db/client";
import { deployLotTracker } from "@/tools/chain/deploy";
import { withoutImmutables } from "@/tools/chain/runtime-code";

export type Deployment = { address: string; blockNumber: number };

/**
 * Finds the LotTracker this database follows on this chain, adopts CONTRACT_ADDRESS, or deploys one,
 * and records it. Refuses, with what to do, when the database and the chain disagree.
 */
export async function ensureLotTracker({
  db,
  provider,
  chainId,
  configuredAddress,
  deploymentBlock,
  deployer,
}: {
  db: Db;
  provider: JsonRpcProvider;
  chainId: number;
  configuredAddress?: string;
  deploymentBlock?: number;
  deployer?: Signer;
}): Promise<Deployment & { isNew: boolean }> {
  const recorded = await db.contractDeployment.findUnique({ where: { chainId } });
  if (recorded) {
    if (configuredAddress && configuredAddress.toLowerCase() !== recorded.address.toLowerCase()) {
      throw new Error(
        `CONTRACT_ADDRESS is ${configuredAddress}, but this database follows LotTracker ${recorded.address} on chain ${chainId}: unset CONTRACT_ADDRESS, or use a new database for the other contract.`,
      );
    }
    const code = await provider.getCode(recorded.address);
    if (code === "0x") {
      throw new Error(
        `The database follows LotTracker ${recorded.address} on chain ${chainId}, but the chain has no contract there: the chain's state was lost. Point RPC_URL at the right node, or delete the data folder to start over.`,
      );
    }
    // The constructor writes immutables (EIP-712's cached domain) into the code: compare the rest.
    if (keccak256(withoutImmutables(code, lotTrackerImmutableRanges)) !== lotTrackerCodeHash) {
      throw new Error(
        `LotTracker ${recorded.address} on chain ${chainId} was deployed from another version of contracts/LotTracker.sol than this checkout's: on the embedded chain, delete the data folder to start over with this version; elsewhere, deploy this version with a new database.`,
      );
    }
    return { address: recorded.address, blockNumber: recorded.blockNumber, isNew: false };
  }

  let deployment: Deployment & { txHash: string };
  if (configuredAddress) {
    if ((await provider.getCode(configuredAddress)) === "0x") {
      throw new Error(
        `CONTRACT_ADDRESS is ${configuredAddress}, but chain ${chainId} has no contract there: check the address and RPC_URL.`,
      );
    }
    deployment = { address: configuredAddress, blockNumber: deploymentBlock ?? 0, txHash: "" };
  } else {
    if (!deployer) {
      throw new Error(
        "DEPLOYER_PRIVATE_KEY is not set: set it to the private key of a funded account to deploy LotTracker, or set CONTRACT_ADDRESS to use a deployed one.",
      );
    }
    deployment = await deployLotTracker(deployer);
  }
  await db.contractDeployment.create({ data: { chainId, ...deployment } });
  return { address: deployment.address, blockNumber: deployment.blockNumber, isNew: true };
}
