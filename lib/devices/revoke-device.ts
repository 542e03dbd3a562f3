import "server-only";
import type { Member } from "@/lib/auth/session";
import { insertLedgerTransaction } from "@/lib/chain/outbox/enqueue";
import type { Db } from "@/lib/db/client";
import { assertNotRevoked, requireOwnDevice } from "./own-device";
import { assertMayManageDevices } from "./register-device";

/**
 * Revokes a data logger of the member's organisation (a lost or broken one): from now on LotLedger
 * refuses its batches, and the revokeDevice write makes the contract refuse them too. revokedAt is
 * set at once; the indexer sets the status from DeviceRevoked.
 */
export async function revokeDevice({
  db,
  member,
  deviceId,
  now = new Date(),
}: {
  db: Db;
  member: Member;
  deviceId: string;
  now?: Date;
}): Promise<{ writeId: string }> {
  assertMayManageDevices(member, "revoke a data logger");
  return db.$transaction(async (tx) => {
    const device = await requireOwnDevice(tx, member, deviceId);
    assertNotRevoked(device);
    // Only if still unrevoked: two revocations racing queue one write, not a second that reverts.
    const revoked = await tx.device.updateMany({
      where: { id: device.id, revokedAt: null },
      data: { revokedAt: now },
    });
    if (revoked.count === 0) assertNotRevoked({ ...device, revokedAt: now });
    const { id: writeId } = await insertLedgerTransaction(tx, {
      method: "revokeDevice",
      args: [device.address],
      organizationId: member.organization.id,
      signerAddress: member.organization.chainAddress,
      requestedById: member.userId,
    });
    return { writeId };
  });
}
