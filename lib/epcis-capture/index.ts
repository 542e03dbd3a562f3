// The EPCIS capture interface (POST /epcis/capture, POST /epcis/events, the capture jobs): documents
// checked against GS1's schema and vocabularies, events stored in the repository once each by their
// hash ID, handed to lib/epcis-ledger, and anchored on the ledger. docs/epcis.md#capture.
export { type CaptureJobAnswer, captureJobAnswer } from "./capture-answer";
export { type CaptureAnswer, captureDocument, captureEvent } from "./capture-document";
export { getCaptureJob, listCaptureJobs } from "./capture-job";
export { CAPTURE_CHANNEL, runNextCaptureJob } from "./capture-worker";
export {
  CAPTURE_DISCOVERY_HEADERS,
  CAPTURE_MEDIA_TYPES,
  MAX_CAPTURE_BYTES,
  MAX_CAPTURE_EVENTS,
  SYNC_EVENTS,
} from "./limits";
export { readCaptureRequest } from "./read-capture-request";
export { respondCapture } from "./respond-capture";
