import { type JsonRpcProvider, type JsonRpcSigner, ZeroHash } from "ethers";
import { type LotTracker, LotTracker__factory } from "@/lib/chain/generated";
import { encodeLotCode } from "@/lib/chain/lot-id";
import { grantLotTrackerRole, receiptOf } from "@/lib/chain/provider";
import { roleForOrganizationKind } from "@/lib/organizations";
import { deployLotTracker } from "@/tools/chain/deploy";
import { grantTestPrefixes } from "./company-prefixes";

export type LotTrackerFixture = {
  address: string;
  blockNumber: number;
  producer: JsonRpcSigner;
  /** anvil's accounts 2 and 3, with the carrier and retailer roles. */
  carrier: JsonRpcSigner;
  retailer: JsonRpcSigner;
  /** Connected to `producer`, anvil's unlocked account 1, which holds the producer role. */
  lotTracker: LotTracker;
  /** Registers a lot as the producer; `serialsRoot` is its packages' Merkle root (none by default). */
  createLot(
    gtin: string,
    lotCode: string,
    payloadHash: string,
    serialsRoot?: string,
  ): Promise<string>;
};

/** A fresh LotTracker on the test chain with a producer ready to create lots of the test GTINs. */
export async function deployLotTrackerFixture(
  provider: JsonRpcProvider,
): Promise<LotTrackerFixture> {
  const admin = await provider.getSigner(0);
  const [producer, carrier, retailer] = await Promise.all(
    [1, 2, 3].map((i) => provider.getSigner(i)),
  );
  if (!producer || !carrier || !retailer) throw new Error("anvil has fewer than 4 accounts");
  const deployment = await deployLotTracker(admin);
  const asAdmin = LotTracker__factory.connect(deployment.address, admin);
  await grantLotTrackerRole(asAdmin, roleForOrganizationKind("FARM"), producer.address);
  await grantTestPrefixes(asAdmin, producer.address);
  await grantLotTrackerRole(asAdmin, roleForOrganizationKind("CARRIER"), carrier.address);
  await grantLotTrackerRole(asAdmin, roleForOrganizationKind("RETAILER"), retailer.address);
  const lotTracker = LotTracker__factory.connect(deployment.address, producer);
  return {
    address: deployment.address,
    blockNumber: deployment.blockNumber,
    producer,
    carrier,
    retailer,
    lotTracker,
    async createLot(gtin, lotCode, payloadHash, serialsRoot = ZeroHash) {
      const tx = await lotTracker.createLot(
        BigInt(gtin),
        encodeLotCode(lotCode),
        payloadHash,
        serialsRoot,
      );
      return (await receiptOf(provider, tx.hash)).hash;
    },
  };
}
