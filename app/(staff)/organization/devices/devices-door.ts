import "server-only";
import type { Member } from "@/lib/auth/session";
import type { Db } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";

// A stand-in for lib/devices (issue 19, written in parallel by another helper) with the signatures
// of its door: at the merge, actions.ts imports these three from "@/lib/devices" and this file goes.
// It only writes the read-model rows; the real door also queues registerDevice/revokeDevice on the
// ledger and refuses what the ledger would.

export async function registerDevice({
  db,
  member,
  name,
  address,
}: {
  db: Db;
  member: Member;
  name: string;
  address: string;
}): Promise<{ deviceId: string }> {
  const chainId = getEnv().CHAIN_ID;
  const known = await db.device.findUnique({
    where: { chainId_address: { chainId, address: address.toLowerCase() } },
  });
  if (known) {
    throw new AppError(
      "CONFLICT",
      `This logger's address is already registered as “${known.name}”: check the address on the logger.`,
      { field: "address" },
    );
  }
  const device = await db.device.create({
    data: { chainId, address: address.toLowerCase(), organizationId: member.organization.id, name },
  });
  return { deviceId: device.id };
}

export async function revokeDevice({
  db,
  member,
  deviceId,
}: {
  db: Db;
  member: Member;
  deviceId: string;
}): Promise<void> {
  await db.device.update({
    where: { id: deviceId, organizationId: member.organization.id },
    data: { status: "REVOKED", revokedAt: new Date() },
  });
}

export async function attachDevice({
  db,
  member,
  deviceId,
  lotId,
  shipmentId,
  startsAt,
  endsAt,
}: {
  db: Db;
  member: Member;
  deviceId: string;
  lotId?: string;
  shipmentId?: string;
  startsAt: Date;
  endsAt?: Date;
}): Promise<{ attachmentId: string }> {
  const attachment = await db.deviceAttachment.create({
    data: {
      deviceId,
      lotId: lotId ?? null,
      shipmentId: shipmentId ?? null,
      startsAt,
      endsAt: endsAt ?? null,
      createdById: member.userId,
    },
  });
  return { attachmentId: attachment.id };
}
