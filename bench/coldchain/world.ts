import { Wallet } from "ethers";
import { lotIdOf } from "@/lib/chain/lot-id";
import type { Db } from "@/lib/db/client";

const CHAIN_ID = 31337;
/** Stands for LotTracker: ingestion reads its address for the EIP-712 domain and calls nothing. */
const CONTRACT = "0x5FbDB2315678afecb367f032d93F642f64180aa3";
const GTIN = "09506000134352";

export type BenchLogger = { device: Wallet; gtin: string; lotCode: string };

/**
 * The read model ingestion checks a batch against, written straight to the bench's own database:
 * one carrier, and per logger a lot it holds, the logger registered and active for the carrier, and
 * attached to the lot from `attachedFrom`. No chain: ingestion only queues the anchoring.
 */
export async function seedColdChainWorld(
  db: Db,
  { loggers, attachedFrom }: { loggers: number; attachedFrom: Date },
): Promise<{ chainId: number; contractAddress: string; loggers: BenchLogger[] }> {
  const carrierAddress = Wallet.createRandom().address.toLowerCase();
  await db.contractDeployment.create({
    data: { chainId: CHAIN_ID, address: CONTRACT, blockNumber: 0, txHash: "" },
  });
  const carrier = await db.organization.create({
    data: {
      name: "Bench Reefers",
      kind: "CARRIER",
      gln: "9506000000018",
      chainAddress: carrierAddress,
      encryptedKey: "bench: never signs",
    },
  });
  await db.product.create({
    data: { organizationId: carrier.id, gtin: GTIN, name: "Bench romaine" },
  });
  const seeded: BenchLogger[] = [];
  for (let i = 0; i < loggers; i++) {
    const device = Wallet.createRandom();
    const lotCode = `BENCH-${i + 1}`;
    const lot = await db.lot.create({
      data: {
        id: lotIdOf(GTIN, lotCode),
        chainId: CHAIN_ID,
        gtin: GTIN,
        lotCode,
        custodian: carrierAddress,
        createdTxHash: `0x${"0".repeat(64)}`,
        createdBlock: 0,
      },
    });
    const registered = await db.device.create({
      data: {
        chainId: CHAIN_ID,
        address: device.address.toLowerCase(),
        organizationId: carrier.id,
        name: `Reefer ${i + 1}`,
        status: "ACTIVE",
      },
    });
    await db.deviceAttachment.create({
      data: {
        deviceId: registered.id,
        lotId: lot.id,
        startsAt: attachedFrom,
        createdById: "bench",
      },
    });
    seeded.push({ device: new Wallet(device.privateKey), gtin: GTIN, lotCode });
  }
  return { chainId: CHAIN_ID, contractAddress: CONTRACT, loggers: seeded };
}
