import type { LedgerCall } from "@/lib/chain/outbox/enqueue";
import type { NewLot } from "@/lib/events/new-lots";

/** One ledger write a captured event asks for: the LotTracker call and the lot it concerns. */
export type LedgerStep = {
  lotId: string;
  newLots: NewLot[];
  call: (payloadHash: string) => LedgerCall;
};

/** What a captured event does on LotLedger: writes of its own, or recorded on its lots only. */
export type EventPlan =
  | { kind: "write"; steps: LedgerStep[]; lotIds: string[] }
  | { kind: "record"; lotIds: string[] };
