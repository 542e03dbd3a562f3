import { decodeLotCode } from "@/lib/chain/lot-id";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import type { DecodedLog } from "./decode";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
type Args = Record<string, string>;

// LotTracker's enums, by their on-chain index.
const LINEAGE_KINDS = ["SPLIT", "MERGE", "TRANSFORM"] as const;
const STATUSES = [null, "ACTIVE", "IN_TRANSIT", "RECALLED", "CONSUMED"] as const;

/**
 * Applies one decoded LotTracker event to the read model: custody, status, lineage and recall are
 * rebuilt from events alone. Must be idempotent, since a batch may be applied again after a crash
 * between the write and the checkpoint.
 */
export async function applyLedgerEvent(tx: Tx, chainId: number, event: DecodedLog): Promise<void> {
  const args = event.args as Args;
  const lotId = args.lotId as string;
  switch (event.name) {
    case "LotCreated":
    case "LotDerived":
      await upsertLot(tx, chainId, event, args.custodian ?? (args.actor as string));
      if (event.name === "LotDerived") {
        const kind = LINEAGE_KINDS[Number(args.kind)] ?? "TRANSFORM";
        for (const parentId of event.args.parentIds as string[]) {
          await tx.lotLineage.upsert({
            where: { parentId_childId: { parentId, childId: lotId } },
            create: { parentId, childId: lotId, kind, txHash: event.txHash },
            update: {},
          });
        }
      }
      return;
    case "LotHandedOff":
      await updateLot(tx, lotId, { status: "IN_TRANSIT", recipient: args.recipient as string });
      return;
    case "LotHandoffAccepted":
      await updateLot(tx, lotId, {
        status: "ACTIVE",
        custodian: args.actor as string,
        recipient: null,
      });
      return;
    case "LotHandoffRejected":
      await updateLot(tx, lotId, { status: "ACTIVE", recipient: null });
      return;
    case "LotConsumed":
      await updateLot(tx, lotId, { status: "CONSUMED", recipient: null });
      return;
    case "LotRecalled":
      await updateLot(tx, lotId, {
        status: "RECALLED",
        recallReasonHash: args.reasonHash as string,
      });
      return;
    case "LotRecallLifted":
      await updateLot(tx, lotId, {
        status: STATUSES[Number(args.restoredStatus)] ?? "ACTIVE",
        recallReasonHash: null,
      });
      return;
    default:
      // Tracking events, reading anchors and role changes are kept as ledger events; no lot changes.
      return;
  }
}

async function upsertLot(
  tx: Tx,
  chainId: number,
  event: DecodedLog,
  custodian: string,
): Promise<void> {
  const args = event.args as Args;
  const payload = await tx.eventPayload.findUnique({ where: { hash: args.payloadHash as string } });
  const body = (payload?.body ?? {}) as { quantity?: string; unit?: string };
  const lot = {
    chainId,
    gtin: String(args.gtin).padStart(14, "0"),
    lotCode: decodeLotCode(args.lotCode as string),
    quantity: body.quantity ?? null,
    unit: body.unit ?? null,
    status: "ACTIVE" as const,
    custodian,
    recipient: null,
    producer: custodian,
    payloadHash: args.payloadHash ?? null,
    serialsRoot: args.serialsRoot ?? null,
    recallReasonHash: null,
    createdTxHash: event.txHash,
    createdBlock: event.blockNumber,
  };
  await tx.lot.upsert({
    where: { id: args.lotId as string },
    create: { id: args.lotId as string, ...lot },
    update: lot,
  });
}

async function updateLot(
  tx: Tx,
  id: string,
  data: Parameters<Tx["lot"]["update"]>[0]["data"],
): Promise<void> {
  // A lot the database never saw (indexing started after it) cannot be updated; its events are kept.
  await tx.lot.updateMany({ where: { id }, data: data as never });
}
