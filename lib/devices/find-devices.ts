import "server-only";
import type { Member } from "@/lib/auth/session";
import type { Db } from "@/lib/db/client";

export type DeviceSummary = {
  id: string;
  name: string;
  /** Lower-case 0x address of the logger's key. */
  address: string;
  /** PENDING until the ledger has registered it; REVOKED once revoked (asked or recorded). */
  status: "PENDING" | "ACTIVE" | "REVOKED";
  lastSequence: number;
  /** What it measures now, if anything: a lot (by code) or a shipment (by reference). */
  attachment: {
    lotId: string | null;
    lotCode: string | null;
    shipmentId: string | null;
    startsAt: Date;
    endsAt: Date | null;
  } | null;
};

/** The organisation's data loggers by name, for its Devices page. */
export async function findDevices({
  db,
  member,
  now = new Date(),
}: {
  db: Db;
  member: Member;
  now?: Date;
}): Promise<DeviceSummary[]> {
  const devices = await db.device.findMany({
    where: { organizationId: member.organization.id },
    orderBy: [{ name: "asc" }, { createdAt: "asc" }],
    select: {
      id: true,
      name: true,
      address: true,
      status: true,
      revokedAt: true,
      lastSequence: true,
    },
  });
  const attachments = await db.deviceAttachment.findMany({
    where: {
      deviceId: { in: devices.map((d) => d.id) },
      startsAt: { lte: now },
      OR: [{ endsAt: null }, { endsAt: { gt: now } }],
    },
    // The latest window wins when two overlap.
    orderBy: { startsAt: "asc" },
    select: { deviceId: true, lotId: true, shipmentId: true, startsAt: true, endsAt: true },
  });
  const lots = await db.lot.findMany({
    where: { id: { in: attachments.flatMap((a) => (a.lotId ? [a.lotId] : [])) } },
    select: { id: true, lotCode: true },
  });
  const lotCodeOf = new Map(lots.map((lot) => [lot.id, lot.lotCode]));
  const current = new Map(attachments.map((a) => [a.deviceId, a]));
  return devices.map(({ revokedAt, ...device }) => {
    const attachment = current.get(device.id);
    return {
      ...device,
      status: revokedAt ? "REVOKED" : device.status,
      attachment: attachment
        ? {
            lotId: attachment.lotId,
            lotCode: attachment.lotId ? (lotCodeOf.get(attachment.lotId) ?? null) : null,
            shipmentId: attachment.shipmentId,
            startsAt: attachment.startsAt,
            endsAt: attachment.endsAt,
          }
        : null,
    };
  });
}
