// lib/epcis-ledger, captured EPCIS events into LotLedger: the capture route's jobs call this door in
// their transaction (the capture → ledger seam of docs/epcis.md).
import "server-only";

export {
  applyCapturedEvents,
  type CapturedEvent,
  type CaptureOutcome,
} from "./apply-captured-events";
