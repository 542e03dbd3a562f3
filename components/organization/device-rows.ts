import "server-only";
import type { Member } from "@/lib/auth/session";
import type { Db } from "@/lib/db/client";
import type { Option } from "@/lib/events/forms/field-spec";
import { findProducts, productLabel } from "@/lib/products";

// The devices page's reads, straight from the tables until lib/devices' findDevices lands (issue 19,
// written in parallel): at the merge the page calls findDevices and keeps only what it lacks here.

/** A data logger as the devices page lists it. */
export type DeviceRow = {
  id: string;
  name: string;
  address: string;
  status: "PENDING" | "ACTIVE" | "REVOKED";
  /** Its windows that have not ended, soonest first: what it measures now or will. */
  attachments: Array<{ label: string; href: string; startsAt: Date; endsAt: Date | null }>;
  lastBatchAt: Date | null;
};

/** The organisation's data loggers, newest first, revoked ones last. */
export async function findDeviceRows({
  db,
  member,
  now = new Date(),
}: {
  db: Db;
  member: Member;
  now?: Date;
}): Promise<DeviceRow[]> {
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
    status: device.status,
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

/**
 * What a logger can be attached to: the lots the organisation holds or has on their way to it, and
 * its shipments not yet answered, as "lot:<id>" and "shipment:<number>" choices.
 */
export async function findAttachTargets({ db, member }: { db: Db; member: Member }) {
  const address = { equals: member.organization.chainAddress, mode: "insensitive" as const };
  const [lots, shipments] = await Promise.all([
    db.lot.findMany({
      where: {
        OR: [{ custodian: address }, { recipient: address }],
        status: { in: ["ACTIVE", "IN_TRANSIT"] },
      },
      orderBy: { createdBlock: "desc" },
      take: 100,
      select: { id: true, lotCode: true, gtin: true },
    }),
    db.shipment.findMany({
      where: { OR: [{ sender: address }, { recipient: address }], answer: null },
      orderBy: { blockNumber: "desc" },
      take: 50,
      select: { number: true, lotIds: true },
    }),
  ]);
  const products = await findProducts(db, [...new Set(lots.map((l) => l.gtin))]);
  const options: Option[] = [
    ...lots.map((lot) => ({
      value: `lot:${lot.id}`,
      label: `Lot ${lot.lotCode} · ${productLabel(products.get(lot.gtin) ?? null, lot.gtin)}`,
    })),
    ...shipments.map((s) => ({
      value: `shipment:${s.number}`,
      label: `Shipment ${s.number} · ${s.lotIds.length} ${s.lotIds.length === 1 ? "lot" : "lots"}`,
    })),
  ];
  return options;
}
