import "server-only";
import type { Member } from "@/lib/auth/session";
import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

/** A device of the member's organisation, or the one refusal for any other id. */
export async function requireOwnDevice(tx: Tx, member: Member, deviceId: string) {
  const device = await tx.device.findUnique({ where: { id: deviceId } });
  if (!device || device.organizationId !== member.organization.id) {
    throw new AppError(
      "NOT_FOUND",
      "Your organisation has no such device: pick one from its Devices page.",
      { field: "deviceId" },
    );
  }
  return device;
}

/** Refuses a revoked device: its key signs nothing LotLedger or the contract will take. */
export function assertNotRevoked(device: {
  name: string;
  status: string;
  revokedAt: Date | null;
}): void {
  if (device.status === "REVOKED" || device.revokedAt) {
    throw new AppError(
      "CONFLICT",
      `Device ${device.name} is revoked: register a new logger with its own key pair.`,
      { field: "deviceId" },
    );
  }
}
