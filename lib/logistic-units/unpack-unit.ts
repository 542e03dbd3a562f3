import "server-only";
import type { Member } from "@/lib/auth/session";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { enqueueLedgerWrite } from "@/lib/events/ledger-write";
import { memberSiteGln } from "@/lib/events/locations";
import { parseSscc } from "@/lib/gs1/keys";
import { assertCanRecord, assertHoldsCustody } from "@/lib/lots/guards";
import { findUnitRecord } from "./find-unit";
import { findLotsInPendingWrites } from "./lot-availability";
import { aggregationPayload } from "./packing-payload";

/**
 * Takes a packed logistic unit apart where it arrived (EPCIS AggregationEvent DELETE): one
 * LotTracker.unpackUnit naming exactly the packed lots, in their order. The member's organisation
 * must hold every lot on it (a recalled or used-up lot can still come off); its lots then move on
 * their own.
 */
export async function unpackUnit({
  db,
  member,
  sscc: typed,
  idempotencyKey,
}: {
  db: Db;
  member: Member;
  sscc: string;
  idempotencyKey?: string;
}): Promise<{ writeId: string }> {
  const sscc = parseSscc(typed);
  assertCanRecord(member, "take pallets apart");
  assertHoldsCustody(member, "take pallets apart");
  return db.$transaction(async (tx) => {
    const unit = await findUnitRecord(tx, sscc);
    if (!unit || (!unit.isIndexed && unit.packWrite?.status === "FAILED")) {
      throw new AppError("NOT_FOUND", `No pallet with SSCC ${sscc} is packed on LotLedger.`);
    }
    if (unit.isTakenApart) {
      throw new AppError("CONFLICT", `Pallet ${sscc} has already been taken apart.`);
    }
    if (!unit.isIndexed) {
      throw new AppError(
        "CONFLICT",
        `Pallet ${sscc} is still waiting for the ledger: take it apart once its packing is recorded.`,
      );
    }
    const lots = await tx.lot.findMany({
      where: { id: { in: unit.lotIds } },
      select: { id: true, lotCode: true, custodian: true, status: true, recipient: true },
    });
    const me = member.organization.chainAddress;
    const incoming = lots.find((lot) => lot.status === "IN_TRANSIT" && lot.recipient === me);
    if (incoming) {
      throw new AppError(
        "CONFLICT",
        `Pallet ${sscc} is on its way to ${member.organization.name}: accept it before taking it apart.`,
      );
    }
    const foreign = lots.find((lot) => lot.custodian !== me || lot.status === "IN_TRANSIT");
    if (foreign || lots.length !== unit.lotIds.length) {
      throw new AppError(
        "FORBIDDEN",
        `Only the holder of every lot on pallet ${sscc} can take it apart; ${member.organization.name} does not hold ${foreign ? `lot ${foreign.lotCode}` : "all of them"}.`,
      );
    }
    const inFlight = await findLotsInPendingWrites(tx, unit.lotIds);
    if (inFlight.size > 0) {
      const lotCode = lots.find((lot) => inFlight.has(lot.id))?.lotCode;
      throw new AppError(
        "CONFLICT",
        `Lot ${lotCode} on pallet ${sscc} is already waiting for the ledger: wait until that is recorded.`,
      );
    }
    const payload = aggregationPayload({
      member,
      action: "DELETE",
      parentId: unit.parentId,
      siteGln: await memberSiteGln(tx, member),
      contents: unit.contents,
    });
    const { id } = await enqueueLedgerWrite(tx, member, {
      payload,
      call: (payloadHash) => ({
        method: "unpackUnit",
        args: [BigInt(sscc).toString(), unit.lotIds, payloadHash],
      }),
      lotId: unit.lotIds[0] as string,
      idempotencyKey,
    });
    return { writeId: id };
  });
}
