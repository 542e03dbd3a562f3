// lib/cold-chain, the one door to a lot's temperature readings: recording a logger's batch (anchored
// on the ledger as a Merkle root) and reading the batches back, verified, for the staff and public
// pages. Other domains, app/ and tools/ import from here.
import "server-only";

export {
  CHART_POINTS,
  type ChartPoint,
  type ColdChainBatch,
  celsiusText,
  downsampleReadings,
  getColdChain,
  rangeSentence,
  withReadingsVerdict,
} from "./batches";
export {
  MAX_READINGS,
  parseReadings,
  type ReadingInput,
  readingsBody,
  readingsFromCsv,
  readingsUpload,
} from "./input";
export {
  assertMayRecordReadings,
  type RecordedReadings,
  readingsRefusal,
  recordReadings,
} from "./record-readings";
