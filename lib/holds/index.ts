// lib/holds, the one door to what LotTracker's storage rule does to lots, as people meet it: the hold
// on a lot kept outside its range for too long and its release by the custodian's quality manager,
// the sentence that refuses a held lot's moves, each GTIN's storage rule put on the ledger, and the
// alerts an excursion raises (latched until acknowledged with a comment).
// Below the ledger door, lib/lots, lib/events, lib/shipments and lib/epcis-ledger import
// ./hold-guard directly, lib/products ./publish-storage-rule and lib/cold-chain ./raise-alerts: this
// index reaches lib/events (the release is a ledger write), which imports them.
import "server-only";

export { acknowledgeColdChainAlert, MAX_ALERT_COMMENT } from "./acknowledge-alert";
export { type ColdChainAlertView, findOpenColdChainAlerts } from "./find-alerts";
export { getLotHold, type LotHoldSummary, type LotHoldView } from "./get-lot-hold";
export { assertLotNotOnHold, findHoldFacts, type HoldFacts, holdSentence } from "./hold-guard";
export { type ProductStorageRange, publishStorageRule } from "./publish-storage-rule";
export { raiseColdChainAlerts } from "./raise-alerts";
export { MAX_RELEASE_REASON, type ReleasePayload, releaseLotHold } from "./release-hold";
export { celsiusOf, rangeText, type StorageRuleView } from "./storage-rule-of";
