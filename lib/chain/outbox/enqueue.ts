import type { Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import type { TypedContractMethod } from "../generated/typechain/common";
import type {
  ILotTracker,
  ILotTrackerColdChain,
  LotTracker,
} from "../generated/typechain/LotTracker";

/** The LotTracker functions organisations call through the outbox; admin calls are made at start-up. */
export type LedgerMethod =
  | "createLot"
  | "registerReceivedLot"
  | "handoff"
  | "handoffPart"
  | "cancelHandoff"
  | "acceptHandoff"
  | "rejectHandoff"
  | "split"
  | "merge"
  | "transform"
  | "recordEvent"
  | "anchorReadings"
  | "anchorEvents"
  | "recall"
  | "liftRecall"
  | "packUnit"
  | "unpackUnit"
  | "handoffBatch"
  | "acceptShipment"
  | "rejectShipment"
  | "acceptBatch"
  | "rejectBatch"
  | "registerDevice"
  | "revokeDevice"
  | "anchorDeviceReadings"
  | "releaseHold"
  | "setStorageRule";

/** An argument as the outbox stores it (JSON): numbers as decimal strings, bytes and addresses as hex. */
type StoredArg<T> = T extends ILotTracker.NewLotStruct
  ? { gtin: string; lotCode: string; serialsRoot: string }
  : T extends ILotTrackerColdChain.ReadingBatchStruct
    ? { [K in keyof ILotTrackerColdChain.ReadingBatchStruct]: string }
    : T extends readonly unknown[]
      ? StoredArg<T[number]>[]
      : string;

type StoredArgs<M extends LedgerMethod> =
  LotTracker[M] extends TypedContractMethod<infer A, infer _R, infer _S>
    ? { [I in keyof A]: StoredArg<A[I]> }
    : never;

/**
 * One LotTracker call with its arguments, typed from the generated bindings: a misspelt method or a
 * missing argument does not compile, and the sender encodes exactly what was stored.
 */
export type LedgerCall = { [M in LedgerMethod]: { method: M; args: StoredArgs<M> } }[LedgerMethod];

export type LedgerTransactionRow = LedgerCall & {
  organizationId: string;
  signerAddress: string;
  requestedById?: string;
  /** The lot the write concerns, shown beside it while it waits. */
  lotId?: string;
  /** The off-chain payload whose hash the call carries, stored with it. */
  payload?: { hash: string; body: object };
};

/**
 * Puts a write in the outbox, with its off-chain payload, in the caller's database transaction: from
 * here on the sender process signs, sends and confirms it, and a crash at any point loses nothing.
 * Domain code writes through lib/events' enqueueLedgerWrite, which hashes the payload and names the
 * member's organisation.
 */
export async function insertLedgerTransaction(
  tx: Tx,
  { payload, args, ...row }: LedgerTransactionRow,
): Promise<{ id: string }> {
  if (payload) {
    await tx.eventPayload.upsert({
      where: { hash: payload.hash },
      create: { hash: payload.hash, body: payload.body as Prisma.InputJsonObject },
      update: {},
    });
  }
  return tx.ledgerTransaction.create({
    data: { ...row, args: args as Prisma.InputJsonArray, payloadHash: payload?.hash },
    select: { id: true },
  });
}
