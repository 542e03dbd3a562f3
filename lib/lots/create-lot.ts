import "server-only";

import { z } from "zod";
import type { Member } from "@/lib/auth/session";
import { lotIdOf } from "@/lib/chain/lot-id";
import type { Db, Tx } from "@/lib/db/client";
import type { EpcisEvent } from "@/lib/epcis/event";
import { parseQuantity, parseUnit } from "@/lib/epcis/quantity";
import { AppError } from "@/lib/errors";
import { enqueueEvent } from "@/lib/events/enqueue-event";
import { eventBase } from "@/lib/events/event-base";
import { memberSiteGln } from "@/lib/events/locations";
import { createLotArgs, quantityElement } from "@/lib/events/new-lots";
import { parseGtin } from "@/lib/gs1/gtin";
import { parseLotCode } from "@/lib/gs1/lot-code";
import { assertLotCodeFree } from "./guards";
import { canCreateLots } from "./permissions";

export const createLotInput = z.object({
  gtin: z.string(),
  lotCode: z.string(),
  quantity: z.string(),
  unit: z.string(),
});

export type CreateLotResult = { lotId: string; writeId: string };

/**
 * Registers a new traceability lot for the member's organisation — the receiving CTE of a receiver
 * that assigns the lot code itself (food from a supplier outside FSMA 204 or outside LotLedger): validate, authorise, then put the
 * `createLot` write and its payload in the outbox in one database transaction. The sender process
 * signs and sends it; callers wait for it with `awaitLedgerWrite` if they want to.
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

  const lot = { id: lotId, gtin, lotCode, quantity, unit, serials: [] };
  const { id } = await db.$transaction(async (tx) => {
    // A lot already on the ledger, or already queued, is refused before anything is written.
    await assertLotCodeFree(tx, lot);
    const body = await receivedLotEvent(tx, member, lot);
    return enqueueEvent(tx, member, {
      method: "createLot",
      args: createLotArgs(lot),
      lotId,
      newLots: [lot],
      body,
    });
  });

  return { lotId, writeId: id };
}

/** The EPCIS receiving event (action ADD: the lot code is assigned here) at the organisation's site. */
async function receivedLotEvent(
  tx: Tx,
  member: Member,
  lot: { gtin: string; lotCode: string; quantity: string; unit: string },
): Promise<EpcisEvent> {
  return {
    ...eventBase({
      member,
      cte: "receiving",
      action: "ADD",
      bizStep: "receiving",
      disposition: "active",
      locationGln: await memberSiteGln(tx, member),
      date: null,
      document: null,
    }),
    quantityList: [quantityElement(lot)],
    kde: { tlcAssignedByReceiver: true },
  };
}
