import "server-only";
import type { Member } from "@/lib/auth/session";
import { findStoredPayloads } from "@/lib/chain/payload";
import type { Db } from "@/lib/db/client";
import { isEpcisEvent } from "@/lib/epcis/event";
import { findCapturedSteps } from "./captured-steps";
import { describeLedgerEvent } from "./describe-event";
import { withLineageRecords } from "./lineage-records";
import { findTravel, type Travel } from "./travel-records";
import { findLotStanding, type LotStanding } from "./visibility";

export type TrailEntry = {
  id: string;
  description: string;
  blockNumber: number;
  txHash: string;
  /**
   * The stored payload still hashes to the event's on-chain hash, names this lot and was recorded
   * by the organisation that signed the event (findStoredPayloads' isVerified). A lot used up by a
   * split, merge, packing or transformation is checked against its transaction's derivation record,
   * which must name it among its inputs (withLineageRecords).
   */
  isVerified: boolean;
  /** The contract event's name, e.g. "LotHandedOff". */
  name: string;
  /** The chain address that sent the event's transaction. */
  actor: string;
  /** When the indexer recorded the event (close to its block's time). */
  recordedAt: Date;
  /** The event's off-chain payload; trust it only when `isVerified`. */
  payload: Record<string, unknown> | null;
  /** The pallet and shipment the lot moved in at this event, when it moved in one. */
  travel: Travel | null;
  /**
   * A captured EPCIS event anchored by its capture's Merkle root (captured-steps.ts): the payload
   * may name parties off LotLedger, so its place is never the capturer's site.
   */
  isCaptured?: boolean;
};

export type LotDetail = {
  id: string;
  gtin: string;
  lotCode: string;
  quantity: string | null;
  unit: string | null;
  status: "ACTIVE" | "IN_TRANSIT" | "RECALLED" | "CONSUMED";
  /** The storage rule holds it until its custodian releases it (LotHeld). */
  isOnHold: boolean;
  custodian: { address: string; name: string };
  /**
   * The organisation that registered the lot; null for a lot received from a supplier off LotLedger,
   * which its first receiver (`receivedBy`) registered and vouches for.
   */
  producer: { address: string; name: string } | null;
  receivedBy: { address: string; name: string } | null;
  recipient: { address: string; name: string } | null;
  parents: { id: string; lotCode: string }[];
  children: { id: string; lotCode: string }[];
  trail: TrailEntry[];
};

/** A lot as a member sees it: why they may (lib/lots/visibility.ts), and its labelled packages. */
export type MemberLotDetail = LotDetail & { standing: LotStanding; packageCount: number };

/**
 * One lot with its custody, lineage and the trail of its ledger events, oldest first; null when
 * there is no such lot or the member may not see it (canSeeLot), alike.
 */
export async function getLotDetail({
  db,
  member,
  lotId,
}: {
  db: Db;
  member: Member;
  lotId: string;
}): Promise<MemberLotDetail | null> {
  const standing = await findLotStanding({ db, member, lotId });
  if (!standing) return null;
  const [lot, packageCount] = await Promise.all([
    readLotDetail(db, lotId),
    db.package.count({ where: { lotId } }),
  ]);
  return lot && { ...lot, standing, packageCount };
}

/**
 * The same lot for the public provenance pages (lib/provenance), which anyone who scans a package
 * may open: no member, no visibility rule. Only those pages call it, and they show only what is
 * meant for consumers (lib/lots/visibility-doors.test.ts keeps every other caller out).
 */
export function getLotDetailForConsumers({
  db,
  lotId,
}: {
  db: Db;
  lotId: string;
}): Promise<LotDetail | null> {
  return readLotDetail(db, lotId);
}

async function readLotDetail(db: Db, lotId: string): Promise<LotDetail | null> {
  const lot = await db.lot.findUnique({
    where: { id: lotId },
    include: {
      parents: { select: { parent: { select: { id: true, lotCode: true } } } },
      children: { select: { child: { select: { id: true, lotCode: true } } } },
    },
  });
  if (!lot) return null;
  const [events, organizations] = await Promise.all([
    db.ledgerEvent
      .findMany({
        where: { lotId },
        orderBy: [{ blockNumber: "asc" }, { txIndex: "asc" }, { logIndex: "asc" }],
      })
      .then((rows) => withLineageRecords(db, rows)),
    db.organization.findMany({ select: { id: true, chainAddress: true, name: true, gln: true } }),
  ]);
  const [payloads, travel, captured] = await Promise.all([
    findStoredPayloads(
      db,
      events.map((e) => e.payloadHash),
    ),
    findTravel(db, events),
    findCapturedSteps(db, lotId, organizations),
  ]);
  const names = new Map(organizations.map((o) => [o.chainAddress, o.name]));
  const glns = new Map(organizations.map((o) => [o.chainAddress, o.gln]));
  const nameOf = (address: string) => names.get(address) ?? `account ${address.slice(0, 10)}…`;
  return {
    id: lot.id,
    gtin: lot.gtin,
    lotCode: lot.lotCode,
    quantity: lot.quantity?.toString() ?? null,
    unit: lot.unit,
    status: lot.status,
    isOnHold: lot.isOnHold,
    custodian: { address: lot.custodian, name: nameOf(lot.custodian) },
    producer: lot.producer ? { address: lot.producer, name: nameOf(lot.producer) } : null,
    receivedBy: receiverOf(events, nameOf),
    recipient: lot.recipient ? { address: lot.recipient, name: nameOf(lot.recipient) } : null,
    parents: lot.parents.map((link) => link.parent),
    children: lot.children.map((link) => link.child),
    trail: [
      ...events.map((event): TrailEntry => {
        // LotHeld has no payload to check: the contract decided it, from the device batch it
        // anchored in the same transaction.
        const isVerified =
          event.name === "LotHeld" || payloads.isVerified(event, glns.get(event.actor) ?? null);
        const payload = (event.payloadHash && payloads.bodies.get(event.payloadHash)) || null;
        const cte =
          isVerified && isEpcisEvent(payload) && payload.cte !== "recall" ? payload.cte : null;
        return {
          id: event.id,
          description: describeLedgerEvent(
            event.name,
            event.args as Record<string, string>,
            nameOf,
            cte,
          ),
          blockNumber: event.blockNumber,
          txHash: event.txHash,
          isVerified,
          name: event.name,
          actor: event.actor,
          recordedAt: event.createdAt,
          payload: payload as Record<string, unknown> | null,
          travel: travel.get(event.id) ?? null,
        };
      }),
      ...captured,
    ].sort((a, b) => a.blockNumber - b.blockNumber),
  };
}

/** Who registered a lot received from a supplier off LotLedger: the signer of its LotReceived. */
function receiverOf(
  events: readonly { name: string; actor: string }[],
  nameOf: (address: string) => string,
): { address: string; name: string } | null {
  const received = events.find((event) => event.name === "LotReceived");
  return received ? { address: received.actor, name: nameOf(received.actor) } : null;
}
