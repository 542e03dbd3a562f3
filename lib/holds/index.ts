// lib/holds, the one door to what LotTracker's storage rule does to lots, as people meet it: the hold
// on a lot kept outside its range for too long, and its release by the custodian's quality manager.
// The rule itself is lib/products' (storage-rule-of.ts, publish-storage-rule.ts), the alerts an
// excursion raises lib/cold-chain's, and the guard that refuses a held lot's moves lib/lots'
// (hold-guard.ts), which every form reaches.
import "server-only";

export { getLotHold, type LotHoldSummary, type LotHoldView } from "./get-lot-hold";
export { MAX_RELEASE_REASON, type ReleasePayload, releaseLotHold } from "./release-hold";
