// lib/cold-chain, the one door to a lot's temperature readings: recording a logger's batch (anchored
// on the ledger as a Merkle root, refused outside the recorder's custody window) and reading the
// batches back, verified and judged against the product's storage range, for the staff and public
// pages; and which hours of a lot's journey were measured. The excursions its holders must hear of
// are lib/holds' alerts.
// Other domains, app/ and tools/ import from here.
import "server-only";

export { acknowledgeColdChainAlert, MAX_ALERT_COMMENT } from "./acknowledge-alert";
export {
  type ColdChainBatch,
  getColdChain,
  rangeSentence,
  storageRangeOf,
  withReadingsVerdict,
} from "./batches";
export { type Interval, utcText } from "./custody-window";
export { CHART_POINTS, type ChartPoint, downsampleReadings } from "./downsample";
export { type ColdChainAlertView, findOpenColdChainAlerts } from "./find-alerts";
export {
  MAX_READINGS,
  parseReadings,
  type ReadingInput,
  readingsBody,
  readingsFromCsv,
  readingsUpload,
} from "./input";
export { insertReadings } from "./insert-readings";
export {
  celsiusText,
  durationText,
  type Excursion,
  type Judgement,
  judgeReadings,
  type StorageRange,
} from "./judgement";
export { raiseColdChainAlerts } from "./raise-alerts";
export { type AnchoredReading, readingsRootOf } from "./reading-leaf";
export { getReadingProof, type ReadingProof } from "./reading-proof";
export {
  assertMayRecordReadings,
  type RecordedReadings,
  readingsRefusal,
  recordReadings,
} from "./record-readings";
export { type ColdChainSummary, coldChainSummary } from "./summary";
