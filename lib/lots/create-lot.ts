import "server-only";
import { ZeroHash } from "ethers";
import { z } from "zod";
import type { Member } from "@/lib/auth/session";
import { withOrganizationSigner } from "@/lib/chain/ledger";
import { toLedgerError } from "@/lib/chain/ledger-errors";
import { encodeLotCode, lotIdOf } from "@/lib/chain/lot-id";
import { hashPayload } from "@/lib/chain/payload";
import type { Db } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { parseGtin } from "@/lib/gs1/gtin";
import { parseLotCode } from "@/lib/gs1/lot-code";
import { waitForIndexedBlock } from "@/lib/indexer/checkpoint";
import { canCreateLots } from "./permissions";
import { parseQuantity, parseUnit } from "./quantity";

export const createLotInput = z.object({
  gtin: z.string(),
  lotCode: z.string(),
  quantity: z.string(),
  unit: z.string(),
});

export type CreatedLot = { lotId: string; txHash: string; blockNumber: number; isIndexed: boolean };

/**
 * Registers a new traceability lot on the ledger for the member's organisation: validate, authorise,
 * store the off-chain payload, send `createLot` signed by the organisation, wait for the receipt and
 * for the indexer. On any refusal nothing stays written.
 */
export async function createLot({
  db,
  member,
  input,
}: {
  db: Db;
  member: Member;
  input: z.infer<typeof createLotInput>;
}): Promise<CreatedLot> {
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
  const chainId = getEnv().CHAIN_ID;

  const existing = await db.lot.findUnique({
    where: { chainId_gtin_lotCode: { chainId, gtin, lotCode } },
  });
  if (existing) throw duplicateLot(gtin, lotCode);

  const body = {
    type: "lot.created",
    gtin,
    lotCode,
    quantity,
    unit,
    organizationGln: member.organization.gln,
  };
  const payloadHash = hashPayload(body);
  await db.eventPayload.upsert({
    where: { hash: payloadHash },
    create: { hash: payloadHash, body },
    update: {},
  });

  const organization = await db.organization.findUniqueOrThrow({
    where: { id: member.organization.id },
    select: { chainAddress: true, encryptedKey: true },
  });
  let receipt: { hash: string; blockNumber: number };
  try {
    receipt = await withOrganizationSigner(db, organization, async (lotTracker) => {
      const tx = await lotTracker.createLot(
        BigInt(gtin),
        encodeLotCode(lotCode),
        payloadHash,
        ZeroHash,
      );
      const mined = await tx.wait();
      if (!mined)
        throw new AppError(
          "LEDGER_REJECTED",
          "The ledger dropped the transaction. Nothing was recorded.",
        );
      return { hash: mined.hash, blockNumber: mined.blockNumber };
    });
  } catch (error) {
    // The payload is only kept for a transaction that exists.
    await db.eventPayload.deleteMany({ where: { hash: payloadHash } });
    throw toLedgerError(error, (revert) =>
      revert.name === "LotTrackerLotExists" ? duplicateLot(gtin, lotCode) : undefined,
    );
  }

  const lotId = lotIdOf(gtin, lotCode);
  const isIndexed = await waitForIndexedBlock(db, chainId, receipt.blockNumber, 10_000);
  return { lotId, txHash: receipt.hash, blockNumber: receipt.blockNumber, isIndexed };
}

function duplicateLot(gtin: string, lotCode: string): AppError {
  return new AppError(
    "CONFLICT",
    `Lot ${lotCode} of GTIN ${gtin} is already on the ledger: give a new batch a new lot code.`,
    { field: "lotCode" },
  );
}
