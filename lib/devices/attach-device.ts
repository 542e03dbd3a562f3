import "server-only";
import type { Member } from "@/lib/auth/session";
import type { Db, Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { notHeldMessage } from "@/lib/lots/guards";
import { assertNotRevoked, requireOwnDevice } from "./own-device";
import { assertMayManageDevices } from "./register-device";

/**
 * Attaches a data logger of the member's organisation to a lot it holds (or is carrying), or to a
 * shipment it sends or carries (all its lots), from `startsAt` until `endsAt` (open while null):
 * readings of the lot outside every such window are refused. Off-chain: the contract checks only
 * that the device is its custodian's or carrier's.
 */
export async function attachDevice({
  db,
  member,
  deviceId,
  lotId,
  shipmentId,
  startsAt,
  endsAt = null,
}: {
  db: Db;
  member: Member;
  deviceId: string;
  lotId?: string;
  /** The shipment's reference, as its page and URL name it. */
  shipmentId?: string;
  startsAt: Date;
  endsAt?: Date | null;
}): Promise<{ attachmentId: string }> {
  assertMayManageDevices(member, "attach a data logger");
  if (!lotId === !shipmentId) {
    throw new AppError(
      "INVALID_INPUT",
      "Attach the device to one lot or to one shipment: choose either, not both.",
      { field: lotId ? "shipmentId" : "lotId" },
    );
  }
  if (endsAt && endsAt <= startsAt) {
    throw new AppError(
      "INVALID_INPUT",
      `The attachment ends before it starts: give an end after ${startsAt.toISOString().slice(0, 19)}Z, or leave it open.`,
      { field: "endsAt" },
    );
  }
  return db.$transaction(async (tx) => {
    const device = await requireOwnDevice(tx, member, deviceId);
    assertNotRevoked(device);
    if (lotId) await assertHoldsLot(tx, member, lotId);
    if (shipmentId) await assertShipmentParty(tx, member, shipmentId);
    const attachment = await tx.deviceAttachment.create({
      data: {
        deviceId: device.id,
        lotId: lotId ?? null,
        shipmentId: shipmentId ?? null,
        startsAt,
        endsAt,
        createdById: member.userId,
      },
      select: { id: true },
    });
    return { attachmentId: attachment.id };
  });
}

/** The lot's custodian, or the carrier it is on its way to: whoever the contract takes readings from. */
async function assertHoldsLot(tx: Tx, member: Member, lotId: string): Promise<void> {
  const lot = await tx.lot.findUnique({
    where: { id: lotId },
    select: { status: true, custodian: true, recipient: true },
  });
  const me = member.organization.chainAddress;
  const isHolder = lot?.custodian === me && lot.status !== "CONSUMED";
  const isCarrier = lot?.status === "IN_TRANSIT" && lot.recipient === me;
  if (!isHolder && !isCarrier) {
    throw new AppError("NOT_FOUND", notHeldMessage("have a data logger attached"), {
      field: "lotId",
    });
  }
}

/** The shipment's sender, or whoever the ledger hands it to (its carrier, or the recipient). */
async function assertShipmentParty(tx: Tx, member: Member, reference: string): Promise<void> {
  const shipment = await tx.shipment.findUnique({
    where: { reference },
    select: { sender: true, recipient: true },
  });
  const me = member.organization.chainAddress;
  if (!shipment || (shipment.sender !== me && shipment.recipient !== me)) {
    throw new AppError(
      "NOT_FOUND",
      `Your organisation neither sends nor carries shipment ${reference} on the ledger, so it cannot attach a logger to it: check the shipment, or wait until the ledger has recorded it.`,
      { field: "shipmentId" },
    );
  }
}
