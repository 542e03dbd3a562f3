import "server-only";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { readingTimeText } from "./batch-checks";
import type { DeviceReading } from "./batch-message";

type Window = { startsAt: Date; endsAt: Date | null };

/**
 * When the device measured the lot: its attachments to the lot itself, and to every shipment the lot
 * travelled in (DeviceAttachment.shipmentId is the shipment's reference), the truck's logger for the
 * trip covering each lot on board.
 */
export async function findAttachmentWindows(
  db: Db,
  { deviceId, lotId }: { deviceId: string; lotId: string },
): Promise<Window[]> {
  const shipments = await db.shipment.findMany({
    where: { lotIds: { has: lotId }, reference: { not: null } },
    select: { reference: true },
  });
  const references = shipments.flatMap((s) => (s.reference ? [s.reference] : []));
  return db.deviceAttachment.findMany({
    where: { deviceId, OR: [{ lotId }, { shipmentId: { in: references } }] },
    orderBy: { startsAt: "asc" },
    select: { startsAt: true, endsAt: true },
  });
}

const isWithin = (windows: readonly Window[], at: Date) =>
  windows.some((w) => w.startsAt <= at && (w.endsAt === null || at <= w.endsAt));

/** Refuses a batch with a reading outside every window the device was attached to the lot. */
export function assertWithinAttachments(
  windows: readonly Window[],
  readings: readonly DeviceReading[],
  names: { device: string; lotCode: string },
): void {
  const attach = `attach ${names.device} to lot ${names.lotCode} or to its shipment for that time`;
  if (windows.length === 0) {
    throw new AppError(
      "INVALID_INPUT",
      `Device ${names.device} is not attached to lot ${names.lotCode}: ${attach} first.`,
    );
  }
  const index = readings.findIndex((r) => !isWithin(windows, new Date(r.t * 1000)));
  if (index === -1) return;
  const at = readingTimeText((readings[index] as DeviceReading).t);
  throw new AppError(
    "INVALID_INPUT",
    `Reading ${index + 1} at ${at} is outside every time ${names.device} was attached to lot ${names.lotCode} (${windowsText(windows)}): ${attach}.`,
  );
}

function windowsText(windows: readonly Window[]): string {
  const text = (at: Date) => `${at.toISOString().slice(0, 19)}Z`;
  return windows
    .map((w) => `from ${text(w.startsAt)} ${w.endsAt ? `to ${text(w.endsAt)}` : "on"}`)
    .join(", ");
}
