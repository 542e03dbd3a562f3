import { id } from "ethers";

/** What an organisation does in the supply chain; its kind decides its role on LotTracker. */
export const ORGANIZATION_KINDS = [
  "FARM",
  "PACKER",
  "PROCESSOR",
  "CARRIER",
  "RETAILER",
  "REGULATOR",
] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

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
