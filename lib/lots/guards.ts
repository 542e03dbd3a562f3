import type { Member } from "@/lib/auth/session";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/** Refuses read-only accounts, naming what they tried to do ("ship the lot"). */
export function assertCanRecord(member: Member, what: string): void {
  if (member.role === "READ_ONLY") {
    throw new AppError(
      "FORBIDDEN",
      `Your account is read-only: ask a colleague with staff access to ${what}.`,
    );
  }
}

/** One ledger write per lot at a time: a second one would be judged against a state about to change. */
export async function assertNoWriteInFlight(tx: Tx, lotId: string, lotCode: string): Promise<void> {
  const unfinished = await tx.ledgerTransaction.findFirst({
    where: { lotId, status: { in: ["PENDING", "SIGNED"] } },
    select: { id: true },
  });
  if (unfinished) {
    throw new AppError(
      "CONFLICT",
      `Lot ${lotCode} is already waiting for the ledger: wait until that is recorded.`,
    );
  }
}
