import "server-only";
import type { Member } from "@/lib/auth/session";
import type { Db, Tx } from "@/lib/db/client";
import type { EpcisEvent } from "@/lib/epcis/event";
import { AppError } from "@/lib/errors";
import { eventBase } from "@/lib/events/event-base";
import { enqueueLedgerWrite } from "@/lib/events/ledger-write";
import { memberSiteGln } from "@/lib/events/locations";
import { heldQuantityList } from "@/lib/events/new-lots";
import { assertNoWriteInFlight } from "@/lib/lots/guards";
import { requireVisibleLot } from "@/lib/lots/visibility";
import { findRecalledAncestor, getRecallScope } from "@/lib/trace";
import { assertCanRecall } from "./access";
import { queueRecallNotices } from "./notifications/queue";
import { findRecallParties } from "./parties";
import { type RecallInput, SEVERITY_LABELS } from "./terms";

/**
 * Recalls one lot: checks who may (recallRefusal: never more than LotTracker.recall allows), then in
 * one database transaction puts LotTracker.recall(lotId, hash of the notice) in the ledger outbox,
 * records the recall, one acknowledgement to collect from each organisation it concerns (holding
 * stock in its scope — the lot and every lot made from it — having held it, or having produced what
 * it was made from: parties.ts), and the notices to send them. A refusal writes nothing.
 */
export async function startRecall({
  db,
  member,
  lotId,
  input,
  appUrl,
}: {
  db: Db;
  member: Member;
  lotId: string;
  input: RecallInput;
  /** Where LotLedger is served: notices link to the recall's page. */
  appUrl: string;
}): Promise<{ recallId: string; writeId: string }> {
  const prepared = await prepareRecall({ db, member, lotId, input });
  return db.$transaction((tx) => recordRecall(tx, prepared, { appUrl }));
}

export type PreparedRecall = Awaited<ReturnType<typeof prepareRecall>>;

/** Everything a recall of the lot writes, checked and computed before its transaction. */
export async function prepareRecall({
  db,
  member,
  lotId,
  input,
}: {
  db: Db;
  member: Member;
  lotId: string;
  input: RecallInput;
}) {
  // A lot the member may not see is not there for it: the same refusal as for no lot at all.
  const standing = await requireVisibleLot({ db, member, lotId });
  const lot = await db.lot.findUniqueOrThrow({
    where: { id: lotId },
    select: { gtin: true, lotCode: true, quantity: true, unit: true, status: true },
  });
  assertCanRecall(member, { lotCode: lot.lotCode, standing });
  await assertNotRecalled(db, lotId, lot.lotCode);
  const scope = await getRecallScope({ db, lotId });
  if (!scope) throw new Error(`The trace lost lot ${lotId} between two reads.`);
  const notice = buildRecallNotice({
    member,
    lot: { ...lot, quantity: lot.quantity?.toString() ?? null },
    locationGln: await memberSiteGln(db, member),
    input,
  });
  const parties = await findRecallParties(db, scope);
  return { member, lotId, lot, input, notice, parties };
}

/** Writes a prepared recall in the caller's transaction; `linkedFromRecallId` when it extends one. */
export async function recordRecall(
  tx: Tx,
  { member, lotId, lot, input, notice, parties }: PreparedRecall,
  { appUrl, linkedFromRecallId }: { appUrl: string; linkedFromRecallId?: string },
): Promise<{ recallId: string; writeId: string }> {
  await assertNoWriteInFlight(tx, lotId, lot.lotCode);
  await assertNoRecallRecorded(tx, lotId, lot.lotCode);
  const write = await enqueueLedgerWrite(tx, member, {
    payload: notice,
    call: (reasonHash) => ({ method: "recall", args: [lotId, reasonHash] }),
    lotId,
  });
  const recall = await tx.recall.create({
    data: {
      lotId,
      gtin: lot.gtin,
      lotCode: lot.lotCode,
      reason: input.reason,
      severity: input.severity,
      initiatedById: member.userId,
      initiatedByOrganizationId: member.organization.id,
      ledgerTransactionId: write.id,
      payloadHash: write.payloadHash,
      linkedFromRecallId,
      acknowledgements: {
        create: parties.map((party) => ({
          organizationId: party.organizationId,
          concern: party.concern,
        })),
      },
    },
    select: { id: true, createdAt: true },
  });
  await queueRecallNotices(tx, {
    recall: { ...recall, ...input, lotId, gtin: lot.gtin, lotCode: lot.lotCode },
    initiator: member.organization,
    holders: parties,
    appUrl,
  });
  return { recallId: recall.id, writeId: write.id };
}

/**
 * A recall the ledger confirmed but the indexer has not read yet leaves the lot ACTIVE for a moment:
 * the recall rows say it is recalled all the same. A lifted recall no longer counts: the lot may be
 * recalled again.
 */
async function assertNoRecallRecorded(tx: Tx, lotId: string, lotCode: string): Promise<void> {
  const earlier = await tx.recall.findMany({
    where: { lotId },
    select: { ledgerTransactionId: true, liftLedgerTransactionId: true },
  });
  const lifts = earlier.flatMap((r) => r.liftLedgerTransactionId ?? []);
  const lifted = await tx.ledgerTransaction.findMany({
    where: { id: { in: lifts }, status: "CONFIRMED" },
    select: { id: true },
  });
  const liftedIds = new Set(lifted.map((w) => w.id));
  const standing = earlier.filter(
    (r) => !r.liftLedgerTransactionId || !liftedIds.has(r.liftLedgerTransactionId),
  );
  const live = await tx.ledgerTransaction.count({
    where: { id: { in: standing.map((r) => r.ledgerTransactionId) }, status: { not: "FAILED" } },
  });
  if (live > 0) throw alreadyRecalled(lotCode);
}

const alreadyRecalled = (lotCode: string) =>
  new AppError(
    "CONFLICT",
    `Lot ${lotCode} is already recalled: follow that recall on the recalls page.`,
  );

/** A lot is recalled once; a lot made from a recalled one is already in that recall's scope. */
async function assertNotRecalled(db: Db, lotId: string, lotCode: string): Promise<void> {
  const recalled = await findRecalledAncestor({ db, lotId });
  if (!recalled) return;
  if (recalled.lotId === lotId) throw alreadyRecalled(lotCode);
  throw new AppError(
    "CONFLICT",
    `Lot ${lotCode} is already in the scope of the recall of lot ${recalled.lotCode}, which it was made from: follow that recall on the recalls page.`,
  );
}

export type NoticeLot = {
  gtin: string;
  lotCode: string;
  quantity: string | null;
  unit: string | null;
};

/**
 * An EPCIS 2.0 ObjectEvent observing a recalled lot (the recall, or its lifting) from the acting
 * organisation's main site, `locationGln`, with the key data elements `kde` beside the lot's.
 */
export function recallObjectEvent({
  member,
  lot,
  locationGln,
  bizStep,
  disposition,
  kde,
}: {
  member: Member;
  lot: NoticeLot;
  locationGln: string;
  bizStep: string;
  disposition: string;
  kde: Record<string, string | boolean>;
}): EpcisEvent {
  const base = eventBase({
    member,
    cte: "recall",
    action: "OBSERVE",
    bizStep,
    disposition,
    locationGln,
    date: null,
    document: null,
  });
  return {
    ...base,
    quantityList: heldQuantityList(lot),
    kde: { traceabilityLotCode: lot.lotCode, gtin: lot.gtin, ...kde },
  };
}

/**
 * The off-chain recall notice whose keccak256 is LotTracker.recall's reasonHash: disposition
 * "recalled". CBV 2.0 has no recall business step; "holding" (goods kept from sale) is the one that
 * goes with that disposition.
 */
function buildRecallNotice({
  input,
  ...where
}: {
  member: Member;
  lot: NoticeLot;
  /** Where the recall is issued from: the initiating organisation's main site. */
  locationGln: string;
  input: RecallInput;
}): EpcisEvent {
  return recallObjectEvent({
    ...where,
    bizStep: "holding",
    disposition: "recalled",
    kde: { recallReason: input.reason, recallClass: SEVERITY_LABELS[input.severity].name },
  });
}
