import { id, type Signer } from "ethers";
import { type LotTracker, LotTracker__factory } from "./generated";
import { receiptOf } from "./receipt";

export type OrganizationKind =
  | "FARM"
  | "PACKER"
  | "PROCESSOR"
  | "CARRIER"
  | "RETAILER"
  | "REGULATOR";

// Same derivation as the contract's `bytes32 public constant X_ROLE = keccak256("X_ROLE")`, so a role
// is known without a chain call; contracts/test/lot-tracker.test.ts checks they agree.
const PRODUCER_ROLE = id("PRODUCER_ROLE");
const CARRIER_ROLE = id("CARRIER_ROLE");
const RETAILER_ROLE = id("RETAILER_ROLE");
const REGULATOR_ROLE = id("REGULATOR_ROLE");

// Every organisation that assigns traceability lot codes (FSMA 204: initial packing, transformation)
// creates lots on-chain, so farms, packers and processors share the producer role.
const ROLE_BY_KIND: Record<OrganizationKind, string> = {
  FARM: PRODUCER_ROLE,
  PACKER: PRODUCER_ROLE,
  PROCESSOR: PRODUCER_ROLE,
  CARRIER: CARRIER_ROLE,
  RETAILER: RETAILER_ROLE,
  REGULATOR: REGULATOR_ROLE,
};

/** The LotTracker role (bytes32, hex) an organisation of this kind holds. */
export function roleForOrganizationKind(kind: OrganizationKind): string {
  return ROLE_BY_KIND[kind];
}

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

/**
 * Grants `role` to an organisation's address, signed by the contract's runner (an admin), and waits
 * for it to be mined. Returns the transaction hash, or null when the address already held the role,
 * so start-up can call it for every organisation each time.
 */
export async function grantOrganizationRole(
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
