import "server-only";
import type { LedgerWriteState } from "@/lib/chain/outbox/wait";
import { getProvider } from "@/lib/chain/provider";
import type { Db } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { waitForRecordedWrite } from "./ledger-write";

/** How long a request waits for the ledger before answering "saved, still pending". */
const CONFIRM_WAIT_MS = 8_000;

/**
 * What a page tells the person who just asked for a ledger write: recorded (mined and indexed),
 * still pending (the chain is down or slow: it is saved and will go through), or refused, as an
 * AppError with the ledger's reason.
 */
export async function awaitLedgerWrite(db: Db, id: string): Promise<LedgerWriteState> {
  const isReachable = await getProvider()
    .getBlockNumber()
    .then(
      () => true,
      () => false,
    );
  const state = isReachable
    ? await waitForRecordedWrite(db, { id, chainId: getEnv().CHAIN_ID, timeoutMs: CONFIRM_WAIT_MS })
    : ({ status: "PENDING", txHash: null } as const);
  if (state.status === "FAILED") throw new AppError("LEDGER_REJECTED", state.error);
  return state;
}
