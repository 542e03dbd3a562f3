import { decodeLotCode } from "@/lib/chain/lot-id";
import type { DecodedLog } from "./decode";

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
  /** Null for a lot received from a supplier off LotLedger (LotReceived): it has no producer. */
  producer: string | null;
  payloadHash: string | null;
  serialsRoot: string | null;
  recallReasonHash: string | null;
  /** Held by its GTIN's storage rule (LotHeld) until its custodian releases it (LotReleased). */
  isOnHold: boolean;
  createdTxHash: string;
  createdBlock: number;
};

/** The fields a later event sets on a lot; each is set to a value the event carries. */
export type LotUpdate = Partial<
  Pick<RegisteredLot, "status" | "custodian" | "recipient" | "recallReasonHash" | "isOnHold">
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
    case "LotReceived":
      return {
        kind: "register",
        lotId,
        lot: { ...registeredLot(chainId, event, args.actor as string), producer: null },
        lineage: [],
      };
    case "LotHandedOff":
      return update({ status: "IN_TRANSIT", recipient: args.recipient as string });
    case "LotHandoffAccepted":
      return update({ status: "ACTIVE", custodian: args.actor as string, recipient: null });
    case "LotHandoffRejected":
    case "LotHandoffCancelled":
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
    case "LotHeld":
      return update({ isOnHold: true });
    case "LotReleased":
      return update({ isOnHold: false });
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
    isOnHold: false,
    createdTxHash: event.txHash,
    createdBlock: event.blockNumber,
  };
}
