import { AppError } from "@/lib/errors";
import { parseScanData } from "@/lib/gs1/scan-data";
import type { QueuedAction } from "./queue";
import type { OfflineLot, OfflineSnapshot } from "./snapshot-terms";

/** What the scan page offers for a code read without the network, from the last snapshot. */
export type OfflineDecision =
  | { kind: "refused"; message: string }
  /** One big button: the action is queued when pressed. */
  | { kind: "offer"; lot: OfflineLot; action: QueuedAction; button: string }
  /** Recalled, and nothing to queue: the advice says what to do with the package in hand. */
  | { kind: "recalled"; lot: OfflineLot; advice: string }
  | { kind: "held"; lot: OfflineLot; message: string };

/**
 * Answers a scan offline as the server would for the lots the phone knows (the organisation's
 * incoming and held lots): a recall first, then "Accept" for a lot on its way here. Anything else
 * waits for the network — the phone does not guess about lots it was not told of.
 */
export function decideOffline(text: string, snapshot: OfflineSnapshot | null): OfflineDecision {
  let gtin: string | undefined;
  let lotCode: string | undefined;
  let serial: string | undefined;
  try {
    const { ais } = parseScanData(text);
    [gtin, lotCode, serial] = [ais.get("01"), ais.get("10"), ais.get("21")];
  } catch (error) {
    if (error instanceof AppError) return { kind: "refused", message: error.message };
    throw error;
  }
  if (gtin === undefined || lotCode === undefined) {
    return {
      kind: "refused",
      message:
        "Offline, only a code with the product and lot number (01 and 10) can be answered: scan the package's QR code or GS1 DataMatrix.",
    };
  }
  const lot = snapshot?.lots.find((l) => l.gtin === gtin && l.lotCode === lotCode);
  if (!snapshot || !lot) {
    return {
      kind: "refused",
      message: `Lot ${lotCode} is not among the lots this phone saved for offline use: scan it again when the phone is back online.`,
    };
  }
  if (lot.recall) return recalled(lot, lot.recall, serial, snapshot.canWrite);
  if (!snapshot.canWrite) {
    return { kind: "held", lot, message: "Your account is read-only: it queues no actions." };
  }
  if (lot.holding === "incoming") {
    const action = { kind: "receive", lotId: lot.lotId, lotCode, product: lot.product } as const;
    return { kind: "offer", lot, action, button: `Accept lot ${lotCode}` };
  }
  return {
    kind: "held",
    lot,
    message: `${snapshot.organization} holds lot ${lotCode}: ship it or record an event when the phone is back online.`,
  };
}

function recalled(
  lot: OfflineLot,
  recall: NonNullable<OfflineLot["recall"]>,
  serial: string | undefined,
  canWrite: boolean,
): OfflineDecision {
  if (serial === undefined) {
    return { kind: "recalled", lot, advice: "Take every package of this lot off the shelf." };
  }
  // Its holder marks it removed: the custodian, or the recipient while it is on its way (as online).
  if (recall.recallId === null || !canWrite) {
    return {
      kind: "recalled",
      lot,
      advice: `Take package ${serial} off the shelf, and mark it removed when the phone is back online.`,
    };
  }
  const action = {
    kind: "remove",
    recallId: recall.recallId,
    lotId: lot.lotId,
    lotCode: lot.lotCode,
    serial,
  } as const;
  return { kind: "offer", lot, action, button: `Mark package ${serial} removed` };
}
