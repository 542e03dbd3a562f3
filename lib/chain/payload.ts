import { keccak256, toUtf8Bytes } from "ethers";
import type { Db } from "@/lib/db/client";
import { inputLotsNamedBy, lotsNamedBy, recordingPartyGln } from "@/lib/epcis/payload-parties";
import { lotIdOf } from "./lot-id";

export type PayloadValue =
  | string
  | number
  | boolean
  | null
  | PayloadValue[]
  | { [key: string]: PayloadValue };

/**
 * Canonical JSON (keys sorted at every level, no whitespace), so the same payload always hashes to the
 * same on-chain value wherever it is re-checked: by the indexer, by `verify`, or by an auditor. A
 * member whose value is undefined is left out, as JSON.stringify and the database's JSON column do.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record).filter((key) => record[key] !== undefined);
    return `{${keys
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`)
      .join(",")}}`;
  }
  return JSON.stringify(value);
}

/** The keccak256 of a payload's canonical JSON: what goes on the chain for it. */
export function hashPayload(value: unknown): string {
  return keccak256(toUtf8Bytes(canonicalJson(value)));
}

/**
 * A ledger event as the verified rule reads it: its lot and the payload hash it carries. `isInput`
 * marks a lot used up by a lineage event (LotConsumed carries no hash on the chain: its record is
 * the payload of the LotDerived that follows it in the same transaction), which must be one of the
 * payload's inputs.
 */
export type AnchoredEvent = { lotId: string; payloadHash: string | null; isInput?: boolean };

/**
 * Whether an event's stored payload is verified on the ledger, and if not why: no payload is stored
 * for its hash, the stored one no longer hashes to it, it names another lot, or another organisation
 * than the event's signer recorded it.
 */
export type Verdict = "verified" | "missing" | "altered" | "another lot" | "another party";

export type StoredPayloads = {
  /** The stored bodies, by their on-chain hash. */
  bodies: Map<string, unknown>;
  /** True when a body is stored for this hash and still hashes to it (`lotledger verify`'s check). */
  isIntact(hash: string | null): boolean;
  /** The verdict on the event's own payload, knowing the party GLN of the event's signer. */
  verdictOf(event: AnchoredEvent, signerGln: string | null): Verdict;
  /**
   * "Verified on the ledger": the payload of the event's own hash is stored and still hashes to it,
   * names the event's lot (GTIN + lot code, or its lot id) and was recorded by the organisation that
   * signed the event (its party GLN is `signerGln`). A hash is public once on the chain: without the
   * last two, anyone could anchor another organisation's payload to a lot of its own and have its
   * field, date and place shown as verified there.
   */
  isVerified(event: AnchoredEvent, signerGln: string | null): boolean;
};

/** The on-chain id of a named lot, or null when it is not a lot the ledger can hold. */
function lotIdOrNull(gtin: string, lotCode: string): string | null {
  try {
    return lotIdOf(gtin, lotCode);
  } catch {
    return null;
  }
}

function lotIdsOf(lots: { gtin: string; lotCode: string }[]): Set<string> {
  return new Set(lots.flatMap((lot) => lotIdOrNull(lot.gtin, lot.lotCode) ?? []));
}

/** The lot ids a payload names: its own `lotId`, and those of the lots lotsNamedBy reads in it. */
function lotIdsNamedBy(body: unknown): Set<string> {
  const ids = lotIdsOf(lotsNamedBy(body));
  const own = (body as { lotId?: unknown } | null)?.lotId;
  if (typeof own === "string") ids.add(own.toLowerCase());
  return ids;
}

/**
 * The off-chain payloads behind these on-chain hashes, each checked against its hash. A payload
 * captured through /epcis is another party's event (a supplier's shipment): its recorder is the
 * organisation that captured it and signed its write, which vouches for it.
 */
export async function findStoredPayloads(
  db: Pick<Db, "eventPayload" | "epcisEvent">,
  hashes: readonly (string | null)[],
): Promise<StoredPayloads> {
  const wanted = [...new Set(hashes.filter((hash): hash is string => hash !== null))];
  const [payloads, captured] = await Promise.all([
    db.eventPayload.findMany({ where: { hash: { in: wanted } } }),
    db.epcisEvent.findMany({
      where: { payloadHash: { in: wanted }, captureJobId: { not: null } },
      select: { payloadHash: true, organization: { select: { gln: true } } },
    }),
  ]);
  const capturers = new Map(captured.map((row) => [row.payloadHash, row.organization.gln]));
  const intact = new Set(
    payloads.filter((p) => hashPayload(p.body as PayloadValue) === p.hash).map((p) => p.hash),
  );
  const bodies = new Map(payloads.map((p) => [p.hash, p.body as unknown]));
  // A payload's lots and recorder, read once however many events carry its hash.
  type Claim = { lotIds: Set<string>; inputIds: Set<string>; recorder: string | null };
  const claims = new Map<string, Claim>();
  const claimsOf = (hash: string) => {
    let claim = claims.get(hash);
    if (!claim) {
      const body = bodies.get(hash);
      claim = {
        lotIds: lotIdsNamedBy(body),
        inputIds: lotIdsOf(inputLotsNamedBy(body)),
        recorder: capturers.get(hash) ?? recordingPartyGln(body),
      };
      claims.set(hash, claim);
    }
    return claim;
  };
  const isIntact = (hash: string | null) => hash !== null && intact.has(hash);
  const verdictOf = (event: AnchoredEvent, signerGln: string | null): Verdict => {
    const hash = event.payloadHash;
    if (hash === null || !bodies.has(hash)) return "missing";
    if (!intact.has(hash)) return "altered";
    const { lotIds, inputIds, recorder } = claimsOf(hash);
    if (!(event.isInput ? inputIds : lotIds).has(event.lotId.toLowerCase())) return "another lot";
    return recorder !== null && recorder === signerGln ? "verified" : "another party";
  };
  return {
    bodies,
    isIntact,
    verdictOf,
    isVerified: (event, signerGln) => verdictOf(event, signerGln) === "verified",
  };
}
