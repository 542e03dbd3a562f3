import "server-only";
import type { TypedDataDomain } from "ethers";
import { readingBatchSigner } from "@/lib/chain/reading-batch";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { DeviceBatchMessage } from "./batch-message";
import { readingBatchDomainOf } from "./ledger-domain";

/** The lot a batch names, as the read model holds it. */
export type BatchLot = {
  id: string;
  chainId: number;
  lotCode: string;
  status: string;
  custodian: string;
  recipient: string | null;
};

/** The registered device that signed a batch, with its organisation. */
export type SigningDevice = {
  id: string;
  address: string;
  name: string;
  lastSequence: number;
  organization: { id: string; name: string; chainAddress: string };
};

const refuse = (message: string) => new AppError("INVALID_INPUT", message);

/**
 * The device whose key signed the batch, as the contract will recover it (EIP-712 under the lot's
 * chain and LotTracker): it must be the device the message was sent for (`claimed`, from the MQTT
 * topic or the URL), registered, not revoked, and of the lot's custodian or of the carrier the lot
 * is on its way to.
 */
export async function findSigningDevice(
  db: Db,
  {
    message,
    lot,
    claimed,
    via,
  }: { message: DeviceBatchMessage; lot: BatchLot; claimed?: string; via: "mqtt" | "https" },
): Promise<SigningDevice> {
  if (!/^0x[0-9a-fA-F]{130}$/.test(message.signature)) {
    throw refuse(
      "The batch's signature is not 65 bytes: send the device's whole EIP-712 signature, 0x and 130 hex digits.",
    );
  }
  const domain = await readingBatchDomainOf(db, lot.chainId);
  const signer = recoverSigner(domain, message);
  if (claimed && signer !== claimed.toLowerCase()) {
    throw refuse(
      `The batch's signature is from ${signer}, not from device ${claimed.toLowerCase()} ${via === "mqtt" ? "whose topic it was published on" : "the URL names"}: sign each batch with that device's own key.`,
    );
  }
  const device = await db.device.findUnique({
    where: { chainId_address: { chainId: lot.chainId, address: signer } },
  });
  if (!device) {
    throw refuse(
      `The batch's signature is not from a registered device: ${signer} is unknown to LotLedger; register the logger on your organisation's Devices page first.`,
    );
  }
  const organization = await db.organization.findUniqueOrThrow({
    where: { id: device.organizationId },
    select: { id: true, name: true, chainAddress: true },
  });
  if (device.status === "REVOKED" || device.revokedAt) {
    throw refuse(
      `Device ${device.name} (${signer}) was revoked by ${organization.name}, so its batches are refused: register a new logger.`,
    );
  }
  if (device.status === "PENDING" && (await isRegistrationRefused(db, device))) {
    throw refuse(
      `The ledger refused to register device ${device.name} (${signer}), so it would refuse its batches too: give the logger a new key pair and register that.`,
    );
  }
  const isCustodian = lot.custodian === organization.chainAddress;
  const isCarrier = lot.status === "IN_TRANSIT" && lot.recipient === organization.chainAddress;
  if (!isCustodian && !isCarrier) {
    throw refuse(
      `Device ${device.name} belongs to ${organization.name}, which neither holds lot ${lot.lotCode} nor is carrying it: only devices of the lot's custodian or of the carrier it is on its way to report its readings.`,
    );
  }
  return { ...device, organization };
}

/** The lower-case address the signature recovers; a signature no key can have made is refused. */
function recoverSigner(domain: TypedDataDomain, { batch, signature }: DeviceBatchMessage): string {
  try {
    return readingBatchSigner(domain, batch, signature).toLowerCase();
  } catch {
    throw refuse(
      "The batch's signature is not a signature any key can make: sign the batch with the device's key (EIP-712 ReadingBatch).",
    );
  }
}

/** Whether the device's registerDevice write failed (another client of the contract had it first). */
async function isRegistrationRefused(
  db: Db,
  device: { organizationId: string; address: string },
): Promise<boolean> {
  const failed = await db.ledgerTransaction.findFirst({
    where: {
      organizationId: device.organizationId,
      method: "registerDevice",
      status: "FAILED",
      args: { equals: [device.address] },
    },
    select: { id: true },
  });
  return failed !== null;
}
