// lib/recall's door for the server: pages, actions, routes, lib/scan and the notifier import from
// here. Two pure modules may also be loaded by the browser and are imported directly: ./terms (the
// forms' schemas and limits, the recall classes, how a moment is written) and ./lineage-layout (the
// lineage graph's drawing). Every other file of the folder is private to it.
import "server-only";

export { recallRefusal, requireVisibleRecall } from "./access";
export { reportDisposition } from "./dispositions";
export type { HolderAccount, LotAccount, RecallEffectiveness } from "./effectiveness";
export { extendRecall } from "./extend";
export { exportFsmaWorkbook } from "./fsma-workbook";
export { type FsmaWorkbookScope, parseFsmaWorkbookScope } from "./fsma-workbook-query";
export { findRecallOf } from "./in-force";
export { approveLift, liftRecall, type RecallLiftView } from "./lift";
export { findRecallsMadeFrom, type RecallLinks, type SourceLot } from "./links";
export { findRecalls, findRecallsAwaiting, type RecallSummary } from "./list";
export { listRecalls, type RecallPage } from "./list-recalls";
export { deliverDueNotifications, retryDelayMs } from "./notifications/deliver";
export {
  checkWebhookUrl,
  getWebhookEndpoint,
  postWebhook,
  removeWebhookEndpoint,
  SET_WEBHOOK,
  setWebhookEndpoint,
} from "./notifications/webhook";
export { findScanRecall, removePackage, type ScanRecall } from "./packages";
export type { RecallParty } from "./parties";
export { acknowledgeRecall, type RecallProgress } from "./progress";
export {
  RECALL_STATES,
  type RecallListQuery,
  type RecallStateFilter,
  recallListQuery,
} from "./recall-list-query";
export {
  exportLot,
  exportRecall,
  getLineageFamily,
  type LineageFamily,
  previewRecall,
} from "./scope";
export { type LotHit, searchLots } from "./search";
export { startRecall } from "./start";
export { DEFAULT_REMIND_AFTER_MS, sweepOpenRecalls } from "./sweep";
export { getRecall, type RecallView } from "./view";
