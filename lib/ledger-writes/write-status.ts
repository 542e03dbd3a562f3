/** Where one ledger write stands, as a person (or a client polling for them) follows it. */
export type LedgerWriteStatus = {
  id: string;
  /** The LotTracker function: "createLot", "handoff", "recall"… */
  method: string;
  /** The lot it concerns (the first input, or the lot created). */
  lotId: string | null;
  status: "PENDING" | "SIGNED" | "CONFIRMED" | "FAILED";
  /**
   * Mined, and the indexer has read its block: only then do the pages show what it changed, so only
   * then is a person told it is on the ledger.
   */
  isOnLedger: boolean;
  /** Why the ledger refused it (FAILED), as a sentence. */
  error: string | null;
  txHash: string | null;
  blockNumber: number | null;
};

/** A write that will not change any more: on the ledger, or refused by it. */
export function isSettled(write: Pick<LedgerWriteStatus, "status" | "isOnLedger">): boolean {
  return write.isOnLedger || write.status === "FAILED";
}

/** A write as a page shows it: with the lot code of the lot it concerns, when known. */
export type FollowedWrite = LedgerWriteStatus & { lotCode: string | null };

const WHAT_IT_RECORDS: Record<string, string> = {
  createLot: "The new lot",
  handoff: "The shipment",
  handoffPart: "The shipment",
  cancelHandoff: "The cancelled shipment",
  acceptHandoff: "The receipt",
  rejectHandoff: "The refused delivery",
  recordEvent: "The event",
  anchorReadings: "The temperature readings",
  split: "The split",
  merge: "The merge",
  transform: "The transformation",
  recall: "The recall",
  liftRecall: "The lifting of the recall",
};

/** What a write records, in words: "The shipment of lot RM-2611". */
export function describeWrite({ method, lotCode }: Pick<FollowedWrite, "method" | "lotCode">) {
  const what = WHAT_IT_RECORDS[method] ?? "The entry";
  return lotCode ? `${what} of lot ${lotCode}` : what;
}
