import "server-only";
import type { Member } from "@/lib/auth/session";
import type { Db } from "@/lib/db/client";

// The organisation's data loggers as its Data loggers page lists them: status, the windows it
// measures in now or later, and its last batch.

/** A data logger as the devices page lists it. */
export type DeviceSummary = {
  id: string;
  name: string;
  address: string;
  /** PENDING until the ledger has registered it; REVOKED once revoked (asked or recorded). */
  status: "PENDING" | "ACTIVE" | "REVOKED";
  /** The last batch sequence accepted from it. */
  lastSequence: number;
  /** Its windows that have not ended, soonest first: what it measures now or will. */
  attachments: Array<{ label: string; href: string; startsAt: Date; endsAt: Date | null }>;
  lastBatchAt: Date | null;
};

/** The organisation's data loggers, newest first, revoked ones last. */
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
    orderBy: { createdAt: "desc" },
  });
  devices.sort((a, b) => Number(a.status === "REVOKED") - Number(b.status === "REVOKED"));
  const ids = devices.map((d) => d.id);
  const [attachments, batches] = await Promise.all([
    db.deviceAttachment.findMany({
      where: { deviceId: { in: ids }, OR: [{ endsAt: null }, { endsAt: { gt: now } }] },
      orderBy: { startsAt: "asc" },
    }),
    db.deviceBatch.groupBy({
      by: ["deviceId"],
      where: { deviceId: { in: ids } },
      _max: { lastReadingAt: true },
    }),
  ]);
  const lots = await db.lot.findMany({
    where: { id: { in: attachments.flatMap((a) => (a.lotId ? [a.lotId] : [])) } },
    select: { id: true, lotCode: true },
  });
  const lotCode = new Map(lots.map((l) => [l.id, l.lotCode]));
  const lastOf = new Map(batches.map((b) => [b.deviceId, b._max.lastReadingAt]));
  return devices.map((device) => ({
    id: device.id,
    name: device.name,
    address: device.address,
    // Revoked as soon as asked: LotLedger refuses its batches from then on (revoke-device.ts).
    status: device.revokedAt ? "REVOKED" : device.status,
    lastSequence: device.lastSequence,
    attachments: attachments
      .filter((a) => a.deviceId === device.id)
      .map((a) => ({
        label: a.lotId
          ? `lot ${lotCode.get(a.lotId) ?? a.lotId.slice(0, 10)}`
          : `shipment ${a.shipmentId}`,
        href: a.lotId ? `/lots/${a.lotId}` : "/shipments",
        startsAt: a.startsAt,
        endsAt: a.endsAt,
      })),
    lastBatchAt: lastOf.get(device.id) ?? null,
  }));
}
