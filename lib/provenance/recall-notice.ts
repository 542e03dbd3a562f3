import "server-only";
import type { Db } from "@/lib/db/client";

/**
 * What the public page says about a recall in force, from the recall LotLedger recorded: the reason
 * in the recalling organisation's own words, its class, since when, and whom to ask.
 */
export type RecallNotice = {
  reason: string;
  severity: "CLASS_I" | "CLASS_II" | "CLASS_III";
  /** When the recall was started (ISO). */
  since: string;
  recalledBy: {
    name: string;
    /** The phone of its main site, where it gave one. */
    phone: string | null;
    /** Its main site's time zone: the recall's day is the day on its clock. */
    timeZone: string | null;
  };
};

/**
 * The notice of the newest recall of `lotId` the ledger did not refuse, or null when LotLedger has
 * none (the lot was recalled on the ledger by another client of the contract).
 */
export async function findRecallNotice(db: Db, lotId: string): Promise<RecallNotice | null> {
  const recalls = await db.recall.findMany({
    where: { lotId },
    select: {
      reason: true,
      severity: true,
      createdAt: true,
      initiatedByOrganizationId: true,
      ledgerTransactionId: true,
    },
    orderBy: { createdAt: "desc" },
  });
  if (recalls.length === 0) return null;
  const refused = await db.ledgerTransaction.findMany({
    where: { id: { in: recalls.map((r) => r.ledgerTransactionId) }, status: "FAILED" },
    select: { id: true },
  });
  const refusedIds = new Set(refused.map((write) => write.id));
  const recall = recalls.find((r) => !refusedIds.has(r.ledgerTransactionId));
  if (!recall) return null;
  const organization = await db.organization.findUnique({
    where: { id: recall.initiatedByOrganizationId },
    select: {
      name: true,
      locations: {
        select: { phone: true, timeZone: true },
        orderBy: { createdAt: "asc" },
        take: 1,
      },
    },
  });
  const site = organization?.locations[0];
  return {
    reason: recall.reason,
    severity: recall.severity,
    since: recall.createdAt.toISOString(),
    recalledBy: {
      name: organization?.name ?? "the recalling organisation",
      phone: site?.phone ?? null,
      timeZone: site?.timeZone ?? null,
    },
  };
}
