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

/** What each LotTracker call records, with the lot it concerns in place of `LOT`. */
const WHAT_IT_RECORDS: Record<string, string> = {
  createLot: "LOT",
  registerReceivedLot: "LOT",
  handoff: "The shipment of LOT",
  handoffPart: "The part shipped from LOT",
  cancelHandoff: "The cancelled shipment of LOT",
  acceptHandoff: "The receipt of LOT",
  rejectHandoff: "The refused delivery of LOT",
  recordEvent: "The event on LOT",
  anchorReadings: "The temperature readings of LOT",
  split: "The split of LOT",
  merge: "The merge of LOT",
  transform: "The transformation of LOT",
  recall: "The recall of LOT",
  liftRecall: "The lifting of the recall of LOT",
  packUnit: "The pallet packed with LOT",
  unpackUnit: "The pallet taken apart with LOT",
  handoffBatch: "The shipment with LOT",
  acceptShipment: "The receipt of the shipment with LOT",
  acceptBatch: "The receipt of the pallet with LOT",
  rejectShipment: "The refused shipment with LOT",
  rejectBatch: "The refused pallet with LOT",
};

/** What a write records, in words: "The shipment of lot RM-2611"; "Lot RM-2611" for a new lot. */
export function describeWrite({ method, lotCode }: Pick<FollowedWrite, "method" | "lotCode">) {
  const what = WHAT_IT_RECORDS[method] ?? "The entry on LOT";
  if (!lotCode) return what === "LOT" ? "The new lot" : what.replace(/ (of|on|from|with) LOT$/, "");
  return what === "LOT" ? `Lot ${lotCode}` : what.replace("LOT", `lot ${lotCode}`);
}
