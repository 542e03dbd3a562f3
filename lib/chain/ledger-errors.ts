import { decodeLotTrackerError } from "./errors";

export const LEDGER_QUEUED_MESSAGE =
  "The ledger is unreachable right now: your entry is saved and will be recorded as soon as it is back. Nothing needs to be entered again.";

type Revert = { name: string; args: unknown[] };

// What each refusal means to the person who asked for it; the contract's error names are not for users.
const REFUSALS: Record<string, (revert: Revert) => string> = {
  LotTrackerLotExists: () =>
    "This lot code is already on the ledger for this product: give a new batch a new lot code.",
  AccessControlUnauthorizedAccount: () =>
    "The ledger refused: your organisation's account is not registered for this action. Ask your LotLedger administrator to register it.",
};

/**
 * The sentence for a write the ledger will never accept as it stands (a revert, no funds for fees),
 * or null when the failure is passing (node down, timeout) or unknown and the write should be retried.
 */
export function describeLedgerRefusal(error: unknown): string | null {
  const revert = decodeLotTrackerError(error);
  if (revert) {
    return (
      REFUSALS[revert.name] ?? (() => `The ledger refused the transaction (${revert.name}).`)
    )(revert);
  }
  if (hasCode(error, "INSUFFICIENT_FUNDS")) {
    return "Your organisation's ledger account cannot pay the transaction fee: ask your LotLedger administrator to fund it, then record this again.";
  }
  if (hasCode(error, "CALL_EXCEPTION")) return "The ledger refused the transaction.";
  return null;
}

function hasCode(error: unknown, code: string): boolean {
  return typeof error === "object" && error !== null && (error as { code?: string }).code === code;
}
