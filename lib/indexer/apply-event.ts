import { decodeLotCode } from "@/lib/chain/lot-id";
import type { Tx } from "@/lib/db/client";
import { lotQuantityOf } from "@/lib/epcis/event";
import type { DecodedLog } from "./decode";

export type { Tx };

type Args = Record<string, string>;
type LotStatus = "ACTIVE" | "IN_TRANSIT" | "RECALLED" | "CONSUMED";

/** A lot as an event registers it, before its off-chain payload adds quantity and unit. */
export type RegisteredLot = {
  chainId: number;
  gtin: string;
  lotCode: string;
  status: LotStatus;
  custodian: string;
  recipient: string | null;
  producer: string;
  payloadHash: string | null;
  serialsRoot: string | null;
  recallReasonHash: string | null;
  createdTxHash: string;
  createdBlock: number;
};

/** The fields a later event sets on a lot; each is set to a value the event carries. */
export type LotUpdate = Partial<
  Pick<RegisteredLot, "status" | "custodian" | "recipient" | "recallReasonHash">
>;

export type LineageLink = { parentId: string; childId: string; kind: string; txHash: string };

/**
 * What one event does to the read model. A registration replaces every field an update can set, and
 * no update reads the lot it changes, so a run of changes to one lot folds into one (apply-batch.ts).
 */
export type LotChange =
  | { kind: "register"; lotId: string; lot: RegisteredLot; lineage: LineageLink[] }
  | { kind: "update"; lotId: string; data: LotUpdate };

// LotTracker's enums, by their on-chain index.
const LINEAGE_KINDS = ["SPLIT", "MERGE", "TRANSFORM"] as const;
const STATUSES = [null, "ACTIVE", "IN_TRANSIT", "RECALLED", "CONSUMED"] as const;

/** The change a decoded LotTracker event makes to lots and lineage; null for the others. */
export function lotChangeOf(chainId: number, event: DecodedLog): LotChange | null {
  const args = event.args as Args;
  const lotId = args.lotId as string;
  const update = (data: LotUpdate): LotChange => ({ kind: "update", lotId, data });
  switch (event.name) {
    case "LotCreated":
    case "LotDerived": {
      const lot = registeredLot(chainId, event, args.custodian ?? (args.actor as string));
      const kind = LINEAGE_KINDS[Number(args.kind)] ?? "TRANSFORM";
      const parentIds = event.name === "LotDerived" ? (event.args.parentIds as string[]) : [];
      const lineage = parentIds.map((parentId) => ({
        parentId,
        childId: lotId,
        kind,
        txHash: event.txHash,
      }));
      return { kind: "register", lotId, lot, lineage };
    }
    case "LotHandedOff":
      return update({ status: "IN_TRANSIT", recipient: args.recipient as string });
    case "LotHandoffAccepted":
      return update({ status: "ACTIVE", custodian: args.actor as string, recipient: null });
    case "LotHandoffRejected":
      return update({ status: "ACTIVE", recipient: null });
    case "LotConsumed":
      return update({ status: "CONSUMED", recipient: null });
    case "LotRecalled":
      return update({ status: "RECALLED", recallReasonHash: args.reasonHash as string });
    case "LotRecallLifted":
      return update({
        status: STATUSES[Number(args.restoredStatus)] ?? "ACTIVE",
        recallReasonHash: null,
      });
    default:
      // Tracking events, reading anchors and role changes are kept as ledger events; no lot changes.
      return null;
  }
}

function registeredLot(chainId: number, event: DecodedLog, custodian: string): RegisteredLot {
  const args = event.args as Args;
  return {
    chainId,
    gtin: String(args.gtin).padStart(14, "0"),
    lotCode: decodeLotCode(args.lotCode as string),
    status: "ACTIVE",
    custodian,
    recipient: null,
    producer: custodian,
    payloadHash: args.payloadHash ?? null,
    serialsRoot: args.serialsRoot ?? null,
    recallReasonHash: null,
    createdTxHash: event.txHash,
    createdBlock: event.blockNumber,
  };
}

/**
 * Applies one decoded LotTracker event to the read model: custody, status, lineage and recall are
 * rebuilt from events alone. Must be idempotent, since a batch may be applied again after a crash
 * between the write and the checkpoint. The indexer applies whole batches with `applyLedgerEvents`,
 * which must leave exactly what this leaves event by event.
 */
export async function applyLedgerEvent(tx: Tx, chainId: number, event: DecodedLog): Promise<void> {
  const change = lotChangeOf(chainId, event);
  if (change?.kind === "register") {
    const { lotId, lot, lineage } = change;
    const payload = lot.payloadHash
      ? await tx.eventPayload.findUnique({ where: { hash: lot.payloadHash } })
      : null;
    const row = { ...lot, ...lotQuantityOf(payload?.body, lot.gtin, lot.lotCode) };
    await tx.lot.upsert({ where: { id: lotId }, create: { id: lotId, ...row }, update: row });
    for (const link of lineage) {
      await tx.lotLineage.upsert({
        where: { parentId_childId: { parentId: link.parentId, childId: link.childId } },
        create: link,
        update: {},
      });
    }
  } else if (change?.kind === "update") {
    // A lot the database never saw (indexing started after it) cannot be updated; its events are kept.
    await tx.lot.updateMany({ where: { id: change.lotId }, data: change.data });
  }
}
