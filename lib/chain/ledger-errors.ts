import { AppError } from "@/lib/errors";
import { decodeLotTrackerError, isLedgerUnreachable } from "./errors";

export const LEDGER_UNREACHABLE_MESSAGE =
  "The ledger is unreachable, nothing was recorded. Try again in a minute; if it keeps failing, ask your LotLedger administrator to check the chain node.";

/**
 * Turns a failed contract call into the sentence a user sees. Contract-specific reverts are mapped by
 * the caller through `describeRevert`; anything not recognised is rethrown for the generic handler.
 */
export function toLedgerError(
  error: unknown,
  describeRevert: (revert: { name: string; args: unknown[] }) => AppError | undefined = () =>
    undefined,
): AppError {
  if (error instanceof AppError) return error;
  if (isLedgerUnreachable(error))
    return new AppError("LEDGER_UNREACHABLE", LEDGER_UNREACHABLE_MESSAGE, { cause: error });
  const revert = decodeLotTrackerError(error);
  if (revert) {
    const described = describeRevert(revert);
    if (described) return described;
    if (revert.name === "AccessControlUnauthorizedAccount") {
      return new AppError(
        "FORBIDDEN",
        "The ledger refused: your organisation's account is not registered for this action. Ask your LotLedger administrator to register it. Nothing was recorded.",
        { cause: error },
      );
    }
    return new AppError(
      "LEDGER_REJECTED",
      `The ledger refused the transaction (${revert.name}). Nothing was recorded.`,
      {
        cause: error,
      },
    );
  }
  if (isInsufficientFunds(error)) {
    return new AppError(
      "LEDGER_REJECTED",
      "Your organisation's ledger account cannot pay the transaction fee: ask your LotLedger administrator to fund it. Nothing was recorded.",
      { cause: error },
    );
  }
  throw error;
}

function isInsufficientFunds(error: unknown): boolean {
  return (
    typeof error === "object" &&
    error !== null &&
    (error as { code?: string }).code === "INSUFFICIENT_FUNDS"
  );
}
