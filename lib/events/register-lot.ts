import "server-only";
import { z } from "zod";
import type { Member } from "@/lib/auth/session";
import type { Db, Tx } from "@/lib/db/client";
import type { EpcisEvent } from "@/lib/epcis/event";
import { parseInput } from "@/lib/input";
import { assertCanCreateLots, assertLotCodeFree } from "@/lib/lots/guards";
import { eventBase } from "./event-base";
import { enqueueLedgerWrite } from "./ledger-write";
import { memberSiteGln } from "./locations";
import {
  createLotCall,
  gtinField,
  type NewLot,
  newLot,
  newLotFields,
  quantityElement,
} from "./new-lots";

const createLotInput = z.object({
  gtin: gtinField,
  lotCode: newLotFields.lotCode,
  quantity: newLotFields.quantity,
  unit: newLotFields.unit,
});

export type CreateLotResult = { lotId: string; writeId: string };

/**
 * Registers a new traceability lot for the member's organisation — the receiving CTE of a receiver
 * that assigns the lot code itself (food from a supplier outside FSMA 204 or outside LotLedger):
 * authorise, validate, then put the `createLot` write and its payload in the outbox in one database
 * transaction. `input` is the form or the API body: { gtin, lotCode, quantity, unit }.
 */
export async function createLot({
  db,
  member,
  input,
  idempotencyKey,
}: {
  db: Db;
  member: Member;
  input: unknown;
  /** The API client's Idempotency-Key (lib/api/idempotency.ts). */
  idempotencyKey?: string;
}): Promise<CreateLotResult> {
  assertCanCreateLots(member);
  const lot = newLot(
    parseInput(createLotInput, input, "Send gtin, lotCode, quantity and unit, each as a string."),
  );
  const { id } = await db.$transaction(async (tx) => {
    // A lot already on the ledger, or already queued, is refused before anything is written.
    await assertLotCodeFree(tx, lot);
    return enqueueLedgerWrite(tx, member, {
      payload: await receivedLotEvent(tx, member, lot),
      call: createLotCall(lot),
      lotId: lot.id,
      newLots: [lot],
      idempotencyKey,
    });
  });
  return { lotId: lot.id, writeId: id };
}

/** The EPCIS receiving event (action ADD: the lot code is assigned here) at the organisation's site. */
async function receivedLotEvent(tx: Tx, member: Member, lot: NewLot): Promise<EpcisEvent> {
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
