import { eventWhereWhen } from "@/lib/epcis/event";
import type { TrailEntry } from "@/lib/lots/get-lot-detail";
import type { Travel } from "@/lib/lots/travel-records";
import type { Place, PlaceDirectory } from "@/lib/organizations";

/** One step of a lot's journey as the provenance page tells it: what, where, when, who. */
export type ProvenanceStep = {
  id: string;
  what: string;
  /** Where it happened; for a shipment, where it left from. */
  where: Place | null;
  /** For a shipment, where it was going. */
  to: Place | null;
  /** ISO time: the payload's own time where it has one, else when the ledger recorded it. */
  when: string;
  isWhenFromPayload: boolean;
  who: string;
  isVerified: boolean;
  txHash: string;
  blockNumber: number;
  /** The lot it happened to, when that is a lot this one was made from; null for this lot. */
  sourceLotCode: string | null;
  /** The pallet (SSCC) and shipment (reference document) it moved in at this step. */
  travel: Travel | null;
};

/**
 * The trail as journey steps. Where and when come from an event's payload only when the payload is
 * verified against the ledger; an unverified one could say anything, so its step falls back to the
 * acting organisation's site and the time the ledger recorded it.
 */
export function buildSteps(
  trail: TrailEntry[],
  places: PlaceDirectory,
  sourceLotCode: string | null = null,
): ProvenanceStep[] {
  return trail.map((entry) => {
    const { whereGln, toGln, when } = eventWhereWhen(entry.isVerified ? entry.payload : null);
    const actor = places.byAddress(entry.actor);
    return {
      id: entry.id,
      what: entry.description,
      // A captured event (a received lot's registration is the supplier's own) may have happened
      // at a party off LotLedger: never at the capturer's site.
      where:
        places.byGln(whereGln) ?? (entry.isCaptured || entry.name === "LotReceived" ? null : actor),
      to: entry.name === "LotHandedOff" ? places.byGln(toGln) : null,
      when: when ?? entry.recordedAt.toISOString(),
      isWhenFromPayload: when !== null,
      who: actor?.organization ?? `account ${entry.actor.slice(0, 10)}…`,
      isVerified: entry.isVerified,
      txHash: entry.txHash,
      blockNumber: entry.blockNumber,
      sourceLotCode,
      travel: entry.travel,
    };
  });
}
