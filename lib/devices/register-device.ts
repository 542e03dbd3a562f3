import "server-only";
import { getAddress } from "ethers";
import { z } from "zod";
import type { Member } from "@/lib/auth/session";
import { insertLedgerTransaction } from "@/lib/chain/outbox/enqueue";
import { hashPayload } from "@/lib/chain/payload";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/input";
import { assertCanRecord, assertHoldsCustody } from "@/lib/lots/guards";
import { findLedgerDeployment } from "./ledger-domain";

const deviceInput = z.object({
  name: z
    .string()
    .trim()
    .min(1, "Give the device a name your staff recognise, such as Truck 7 logger.")
    .max(80, "Keep the device's name under 80 characters."),
  address: z.string().transform((text, context) => {
    try {
      return getAddress(text.trim()).toLowerCase();
    } catch {
      context.addIssue({
        code: "custom",
        message: `'${text}' is not a device address: give the logger's address, 0x and 40 hex digits, as its label or app shows it.`,
      });
      return z.NEVER;
    }
  }),
});

/**
 * Refuses members who may not manage their organisation's data loggers: read-only accounts (naming
 * what they tried, "register a data logger") and organisations that never hold lots.
 */
export function assertMayManageDevices(member: Member, what: string): void {
  assertCanRecord(member, what);
  assertHoldsCustody(member, "keep data loggers");
}

/**
 * Registers a data logger of the member's organisation: the Device (PENDING until the indexer sees
 * DeviceRegistered) and the registerDevice write in the outbox, in one transaction. The address is
 * its key pair's, stored lower-case as signatures recover it.
 */
export async function registerDevice({
  db,
  member,
  name,
  address,
}: {
  db: Db;
  member: Member;
  name: unknown;
  address: unknown;
}): Promise<{ deviceId: string; writeId: string }> {
  assertMayManageDevices(member, "register a data logger");
  const input = parseInput(deviceInput, { name, address });
  const { chainId } = await findLedgerDeployment(db);
  return db.$transaction(async (tx) => {
    const existing = await tx.device.findUnique({
      where: { chainId_address: { chainId, address: input.address } },
      select: { organizationId: true },
    });
    if (existing) {
      const owner = await tx.organization.findUniqueOrThrow({
        where: { id: existing.organizationId },
        select: { name: true },
      });
      throw new AppError(
        "CONFLICT",
        `Device ${input.address} is already registered to ${owner.name}.`,
        { field: "address" },
      );
    }
    const device = await tx.device.create({
      data: { chainId, organizationId: member.organization.id, ...input },
      select: { id: true },
    });
    const payload = { device: input };
    const { id: writeId } = await insertLedgerTransaction(tx, {
      method: "registerDevice",
      args: [input.address],
      organizationId: member.organization.id,
      signerAddress: member.organization.chainAddress,
      requestedById: member.userId,
      payload: { hash: hashPayload(payload), body: payload },
    });
    return { deviceId: device.id, writeId };
  });
}
