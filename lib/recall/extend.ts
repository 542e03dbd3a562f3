import "server-only";
import type { Member } from "@/lib/auth/session";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { findVisibleRecall, requireVisibleRecall } from "./access";
import { findSourceLotsOf } from "./links";
import { type PreparedRecall, prepareRecall, recordRecall } from "./start";
import type { ExtendInput } from "./terms";

/**
 * Extends a recall to its source in one step: the member's organisation recalls the lots of its own
 * that the recalled lot was made from (all of them not yet recalled, or those named), each as a
 * recall of its own — its own scope, ledger write and notices — linked to this one. Every recall is
 * checked as startRecall checks it, and all are written in one database transaction: all or none.
 */
export async function extendRecall({
  db,
  member,
  recallId,
  input,
  appUrl,
}: {
  db: Db;
  member: Member;
  recallId: string;
  input: ExtendInput;
  appUrl: string;
}): Promise<{ recallIds: string[]; writeIds: string[] }> {
  const recall = requireVisibleRecall(await findVisibleRecall({ db, member, recallId }));
  const sources = await findSourceLotsOf({ db, member, lotId: recall.lotId });
  const open = sources.filter((lot) => lot.recallId === null);
  const chosen = input.lotIds ? open.filter((lot) => input.lotIds?.includes(lot.id)) : open;
  if (chosen.length === 0 || (input.lotIds && chosen.length !== input.lotIds.length)) {
    throw new AppError(
      "CONFLICT",
      sources.length === 0
        ? `Lot ${recall.lotCode} was made from no lot of ${member.organization.name}: there is nothing to extend the recall to.`
        : `Every lot of ${member.organization.name} that lot ${recall.lotCode} was made from is already recalled, or not one of them: reload the recall's page.`,
    );
  }
  const prepared: PreparedRecall[] = [];
  for (const lot of chosen) {
    prepared.push(
      await prepareRecall({
        db,
        member,
        lotId: lot.id,
        input: { reason: input.reason, severity: input.severity },
      }),
    );
  }
  return db.$transaction(async (tx) => {
    const written = [];
    for (const one of prepared) {
      written.push(await recordRecall(tx, one, { appUrl, linkedFromRecallId: recall.id }));
    }
    return {
      recallIds: written.map((w) => w.recallId),
      writeIds: written.map((w) => w.writeId),
    };
  });
}
