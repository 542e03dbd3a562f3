import "server-only";
import type { Member } from "@/lib/auth/session";
import type { Db } from "@/lib/db/client";
import { findProducts, productLabel } from "@/lib/products";

// The choices of the Data loggers page's attach form (the loggers themselves: lib/devices findDevices).

/**
 * What a logger can be attached to: the lots the organisation holds or has on their way to it, and
 * its shipments not yet answered, as "lot:<id>" and "shipment:<reference>" choices (lib/devices
 * names a shipment by the reference its page and URL use).
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
      where: {
        OR: [{ sender: address }, { recipient: address }],
        answer: null,
        reference: { not: null },
      },
      orderBy: { blockNumber: "desc" },
      take: 50,
      select: { reference: true, lotIds: true },
    }),
  ]);
  const products = await findProducts(db, [...new Set(lots.map((l) => l.gtin))]);
  const options: { value: string; label: string }[] = [
    ...lots.map((lot) => ({
      value: `lot:${lot.id}`,
      label: `Lot ${lot.lotCode} · ${productLabel(products.get(lot.gtin) ?? null, lot.gtin)}`,
    })),
    ...shipments.map((s) => ({
      value: `shipment:${s.reference}`,
      label: `Shipment ${s.reference} · ${s.lotIds.length} ${s.lotIds.length === 1 ? "lot" : "lots"}`,
    })),
  ];
  return options;
}
