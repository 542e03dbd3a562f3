// lib/trace, the one door to a lot's lineage: tracing back to its origins and forward to every lot
// made from it, what recalling it affects, the exports a recall hands out, and the lot a scanned code
// names. It reads the read model only; other domains, app/ and tools/ import from here.
import "server-only";

export { type CarryingShipment, findShipmentsCarrying } from "./carried-in";
export {
  type FsmaSpreadsheet,
  findTraceRecords,
  getFsmaSpreadsheet,
  recallScopeCsv,
} from "./exports";
export { CTE_EVENT_NAMES } from "./fsma-facts";
export type { FsmaRecord } from "./fsma-record";
export { findLotIdsOf, findLotIdsWithEventsBetween, findLotRecords } from "./fsma-scope";
export { writeFsmaWorkbook } from "./fsma-workbook";
export { findRecalledAncestor, getRecallScope, type RecallScope } from "./recall-scope";
export { findLotOfPackage, type ResolvedLot, resolveLotOfScan } from "./resolve-lot";
export {
  findSourceLots,
  type Holder,
  type LineageLink,
  type SourceLot,
  type Trace,
  type TracedLot,
  traceBack,
  traceForward,
} from "./trace";
