import "server-only";
import { ZeroHash } from "ethers";
import { z } from "zod";
import type { Member } from "@/lib/auth/session";
import { encodeLotCode, lotIdOf } from "@/lib/chain/lot-id";
import { awaitLedgerWrite } from "@/lib/chain/outbox/await-write";
import { enqueueLedgerWrite } from "@/lib/chain/outbox/enqueue";
import type { LedgerWriteState } from "@/lib/chain/outbox/wait";
import { hashPayload } from "@/lib/chain/payload";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { parseGtin } from "@/lib/gs1/gtin";
import { parseLotCode } from "@/lib/gs1/lot-code";
import { canCreateLots } from "./permissions";
import { parseQuantity, parseUnit } from "./quantity";

export const createLotInput = z.object({
  gtin: z.string(),
  lotCode: z.string(),
  quantity: z.string(),
  unit: z.string(),
});

export type CreateLotResult = { lotId: string; state: LedgerWriteState };

/**
 * Registers a new traceability lot for the member's organisation: validate, authorise, then put the
 * `createLot` write and its payload in the outbox in one database transaction. The sender process
 * signs and sends it; this waits a few seconds to report "recorded" or "failed", else "pending".
 */
export async function createLot({
  db,
  member,
  input,
}: {
  db: Db;
  member: Member;
  input: z.infer<typeof createLotInput>;
}): Promise<CreateLotResult> {
  if (!canCreateLots(member)) {
    throw new AppError(
      "FORBIDDEN",
      member.role === "READ_ONLY"
        ? "Your account is read-only: ask an admin of your organisation to create the lot."
        : `Only farms, packers and processors create lots; ${member.organization.name} is a ${member.organization.kind.toLowerCase()}.`,
    );
  }
  const gtin = parseGtin(input.gtin);
  const lotCode = parseLotCode(input.lotCode);
  const quantity = parseQuantity(input.quantity);
  const unit = parseUnit(input.unit);
  const lotId = lotIdOf(gtin, lotCode);

  const body = {
    type: "lot.created",
    gtin,
    lotCode,
    quantity,
    unit,
    organizationGln: member.organization.gln,
  };
  const payloadHash = hashPayload(body);
  const { id } = await db.$transaction(async (tx) => {
    // A lot already on the ledger, or already queued, is refused before anything is written.
    const isTaken =
      (await tx.lot.findUnique({ where: { id: lotId }, select: { id: true } })) ||
      (await tx.ledgerTransaction.findFirst({
        where: { lotId, method: "createLot", status: { in: ["PENDING", "SIGNED", "CONFIRMED"] } },
        select: { id: true },
      }));
    if (isTaken) throw duplicateLot(gtin, lotCode);
    return enqueueLedgerWrite(tx, {
      organizationId: member.organization.id,
      signerAddress: member.organization.chainAddress,
      requestedById: member.userId,
      method: "createLot",
      args: [BigInt(gtin).toString(), encodeLotCode(lotCode), payloadHash, ZeroHash],
      payloadHash,
      payloadBody: body,
      lotId,
    });
  });

  return { lotId, state: await awaitLedgerWrite(db, id) };
}

function duplicateLot(gtin: string, lotCode: string): AppError {
  return new AppError(
    "CONFLICT",
    `Lot ${lotCode} of GTIN ${gtin} is already on the ledger: give a new batch a new lot code.`,
    { field: "lotCode" },
  );
}
