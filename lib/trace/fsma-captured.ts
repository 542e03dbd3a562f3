import "server-only";
import type { Db } from "@/lib/db/client";
import type { StandardEvent } from "@/lib/epcis/event-hash";
import { fromStandardEvent } from "@/lib/epcis/standard-event";
import { findAnchoredCaptures } from "@/lib/indexer/anchored-captures";
import type { LedgerEventRow, Verification } from "./fsma-facts";

// The FDA asks for every record of a lot, so each anchored captured event
// (lib/indexer/anchored-captures.ts) is a row of the spreadsheets too, in the block of its anchor,
// signed by the capturer.

export type CapturedRecord = { event: LedgerEventRow; body: unknown; verification: Verification };

/** The anchored captured events of these lots, one per lot they name, in their anchors' order. */
export async function findCapturedRecords(db: Db, lotIds: string[]): Promise<CapturedRecord[]> {
  const wanted = new Set(lotIds);
  return (await findAnchoredCaptures(db, lotIds))
    .flatMap((capture) => {
      const body = payloadOf(capture.document);
      return capture.lotIds
        .filter((lotId) => wanted.has(lotId))
        .map((lotId) => ({
          event: { ...capture.anchor, lotId, name: "EpcisEventCaptured", args: {} },
          body,
          // Its anchor is on the chain: what fails is the stored record (the event or its list).
          verification: (capture.isVerified ? "yes" : "no: record altered") as Verification,
        }));
    })
    .sort((a, b) => a.event.blockNumber - b.event.blockNumber);
}

function payloadOf(document: unknown): unknown {
  try {
    return fromStandardEvent(document as StandardEvent);
  } catch {
    return null;
  }
}
