import "server-only";
import { z } from "zod";
import type { Member } from "@/lib/auth/session";
import type { Db } from "@/lib/db/client";
import { partyId } from "@/lib/epcis/event";
import { AppError } from "@/lib/errors";
import { enqueueLedgerWrite } from "@/lib/events/ledger-write";
import { assertNoWriteInFlight } from "@/lib/lots/guards";
import { requireVisibleLot } from "@/lib/lots/visibility";

/** The longest release note kept: a paragraph on what was checked and by whom. */
export const MAX_RELEASE_REASON = 2_000;

/** What the ledger keeps of a release: its keccak256 goes on-chain as LotReleased's reasonHash. */
export type ReleasePayload = {
  /** The releasing organisation as EPCIS names a party: what "verified on the ledger" checks. */
  sourceList: { type: "owning_party"; id: string }[];
  type: "hold.released";
  lotId: string;
  reason: string;
  by: string;
  at: string;
};

const reasonInput = z
  .string()
  .trim()
  .min(
    1,
    "Write why the goods are fit to release (what was checked, by whom), then release the hold.",
  )
  .max(MAX_RELEASE_REASON, `Keep the reason under ${MAX_RELEASE_REASON} characters.`);

/**
 * Queues LotTracker.releaseHold for a held lot, by an admin of its custodian (the quality manager),
 * with the reason as the write's payload. Nothing is written when any check refuses.
 */
export async function releaseLotHold({
  db,
  member,
  lotId,
  reason,
  now = new Date(),
}: {
  db: Db;
  member: Member;
  lotId: string;
  reason: string;
  now?: Date;
}): Promise<{ writeId: string }> {
  const parsed = reasonInput.safeParse(reason);
  return db.$transaction(async (tx) => {
    // A stranger learns nothing, not even that the lot exists (lib/lots/visibility).
    await requireVisibleLot({ db: tx, member, lotId });
    const lot = await tx.lot.findUniqueOrThrow({
      where: { id: lotId },
      select: { lotCode: true, custodian: true, isOnHold: true },
    });
    const org = member.organization;
    if (lot.custodian !== org.chainAddress) {
      const custodian = await tx.organization.findUnique({
        where: { chainAddress: lot.custodian },
        select: { name: true },
      });
      throw new AppError(
        "FORBIDDEN",
        `Lot ${lot.lotCode} is held by ${custodian?.name ?? "another organisation"}: only its admins can release the hold.`,
      );
    }
    if (member.role !== "ADMIN") {
      throw new AppError(
        "FORBIDDEN",
        member.role === "READ_ONLY"
          ? `Your account is read-only: ask an admin of ${org.name} to release the hold.`
          : `Only an admin of ${org.name} (the quality manager) can release a hold: ask one to judge the goods and release it.`,
      );
    }
    if (!lot.isOnHold) {
      throw new AppError(
        "CONFLICT",
        `Lot ${lot.lotCode} is not on hold: there is nothing to release.`,
      );
    }
    if (!parsed.success) {
      throw new AppError("INVALID_INPUT", parsed.error.issues[0]?.message ?? "", {
        field: "reason",
      });
    }
    await assertNoWriteInFlight(tx, lotId, lot.lotCode);
    const payload: ReleasePayload = {
      sourceList: [{ type: "owning_party", id: partyId(org.gln) }],
      type: "hold.released",
      lotId,
      reason: parsed.data,
      by: `${member.name}, ${org.name}`,
      at: now.toISOString(),
    };
    const { id } = await enqueueLedgerWrite(tx, member, {
      payload,
      call: (reasonHash) => ({ method: "releaseHold", args: [lotId, reasonHash] }),
      lotId,
    });
    return { writeId: id };
  });
}
