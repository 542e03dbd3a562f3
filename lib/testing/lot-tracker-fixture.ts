import { type JsonRpcProvider, type JsonRpcSigner, ZeroHash } from "ethers";
import {
  deployLotTracker,
  grantOrganizationRole,
  roleForOrganizationKind,
} from "@/lib/chain/deploy";
import { type LotTracker, LotTracker__factory } from "@/lib/chain/generated";
import { encodeLotCode } from "@/lib/chain/lot-id";

export type LotTrackerFixture = {
  address: string;
  blockNumber: number;
  producer: JsonRpcSigner;
  /** Connected to `producer`, anvil's unlocked account 1, which holds the producer role. */
  lotTracker: LotTracker;
  createLot(gtin: string, lotCode: string, payloadHash: string): Promise<string>;
};

/** A fresh LotTracker on the test chain with a producer ready to create lots. */
export async function deployLotTrackerFixture(
  provider: JsonRpcProvider,
): Promise<LotTrackerFixture> {
  const admin = await provider.getSigner(0);
  const producer = await provider.getSigner(1);
  const deployment = await deployLotTracker(admin);
  await grantOrganizationRole(
    LotTracker__factory.connect(deployment.address, admin),
    roleForOrganizationKind("FARM"),
    producer.address,
  );
  const lotTracker = LotTracker__factory.connect(deployment.address, producer);
  return {
    address: deployment.address,
    blockNumber: deployment.blockNumber,
    producer,
    lotTracker,
    async createLot(gtin, lotCode, payloadHash) {
      const tx = await lotTracker.createLot(
        BigInt(gtin),
        encodeLotCode(lotCode),
        payloadHash,
        ZeroHash,
      );
      return (await tx.wait())?.hash as string;
    },
  };
}
