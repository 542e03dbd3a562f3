import type { TrailEntry } from "@/lib/lots/get-lot-detail";
import type { Place, PlaceDirectory } from "./places";

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
};

// The payload fields that say where and when each critical tracking event happened.
const WHERE_FIELDS = ["shipFromGln", "receivingGln", "organizationGln", "locationGln"];
const WHEN_FIELDS = ["eventTime", "shippedAt", "receivedAt", "packedAt", "harvestedAt"];

/**
 * The trail as journey steps. Where and when come from an event's payload only when the payload is
 * verified against the ledger; an unverified one could say anything, so its step falls back to the
 * acting organisation's site and the time the ledger recorded it.
 */
export function buildSteps(trail: TrailEntry[], places: PlaceDirectory): ProvenanceStep[] {
  return trail.map((entry) => {
    const payload = entry.isVerified ? (entry.payload ?? {}) : {};
    const whereGln = WHERE_FIELDS.map((field) => payload[field]).find(Boolean);
    const whenValue = WHEN_FIELDS.map((field) => payload[field]).find(isIsoTime);
    const actor = places.byAddress(entry.actor);
    return {
      id: entry.id,
      what: entry.description,
      where: places.byGln(whereGln) ?? actor,
      to: entry.name === "LotHandedOff" ? places.byGln(payload.shipToGln) : null,
      when: whenValue ?? entry.recordedAt.toISOString(),
      isWhenFromPayload: whenValue !== undefined,
      who: actor?.organization ?? `account ${entry.actor.slice(0, 10)}…`,
      isVerified: entry.isVerified,
      txHash: entry.txHash,
      blockNumber: entry.blockNumber,
    };
  });
}

function isIsoTime(value: unknown): value is string {
  return typeof value === "string" && !Number.isNaN(Date.parse(value));
}

/** The places the lot went through, in order, each once in a row (for the map). */
export function journeyPlaces(steps: ProvenanceStep[]): Place[] {
  const route: Place[] = [];
  for (const step of steps) {
    for (const place of [step.where, step.to]) {
      const last = route[route.length - 1];
      if (place && !(last && last.name === place.name && last.address === place.address)) {
        route.push(place);
      }
    }
  }
  return route;
}
