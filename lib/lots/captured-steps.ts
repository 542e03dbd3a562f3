import "server-only";
import type { Db } from "@/lib/db/client";
import { glnOf } from "@/lib/epcis/event";
import { cbvWord } from "@/lib/epcis/event-index";
import { fromStandardEvent } from "@/lib/epcis/standard-event";
import { findVerifiedEpcisEvents } from "@/lib/indexer/epcis-verified";
import type { TrailEntry } from "./get-lot-detail";

// Captured EPCIS events that change no custody (a supplier's shipment off LotLedger, a receipt of a
// lot already held, an observation) have no ledger event of their own: their hash IDs are anchored
// by the capture's Merkle root. They join the lot's trail once that root is indexed, in the block of
// its anchor, verified by their Merkle proof (lib/indexer/epcis-verified.ts).

type Json = Record<string, unknown>;
type Organization = { id: string; chainAddress: string; name: string; gln: string };

const VERBS: Record<string, string> = {
  commissioning: "Commissioned",
  shipping: "Shipped",
  receiving: "Received",
  inspecting: "Inspected",
  sensor_reporting: "Sensor readings reported",
  storing: "Stored",
  packing: "Packed",
  unpacking: "Unpacked",
  transforming: "Transformed",
};

const KEYS = { sourceList: "source", destinationList: "destination" } as const;

function partyGlnOf(document: Json, list: keyof typeof KEYS): string | null {
  const entries = Array.isArray(document[list]) ? (document[list] as Json[]) : [];
  const owner = entries.find((e) => String(e.type).endsWith("owning_party")) ?? entries[0];
  const id = owner?.[KEYS[list]];
  return typeof id === "string" ? glnOf(id) : null;
}

/**
 * "Shipped by the party with GLN … to ColdRoute · captured by ColdRoute"; a receipt names its
 * receiver first: "Received by ColdRoute from the party with GLN … · captured by ColdRoute".
 */
function describe(document: Json, capturer: string, nameOfGln: (gln: string) => string): string {
  const step = cbvWord(document.bizStep);
  const verb = (step && VERBS[step]) ?? `EPCIS ${step ?? String(document.type)} event`;
  const from = partyGlnOf(document, "sourceList");
  const to = partyGlnOf(document, "destinationList");
  const parties =
    step === "receiving"
      ? [to && ` by ${nameOfGln(to)}`, from && ` from ${nameOfGln(from)}`]
      : [from && ` by ${nameOfGln(from)}`, to && ` to ${nameOfGln(to)}`];
  return `${verb}${parties.filter(Boolean).join("")} · captured by ${capturer}`;
}

/** The lot's captured steps anchored by a capture's root, as trail entries, once indexed. */
export async function findCapturedSteps(
  db: Db,
  lotId: string,
  organizations: readonly Organization[],
): Promise<TrailEntry[]> {
  const rows = await db.epcisEvent.findMany({
    where: { lotIds: { has: lotId }, captureJobId: { not: null }, payloadHash: { not: null } },
    orderBy: [{ eventTime: "asc" }, { recordTime: "asc" }, { id: "asc" }],
    select: {
      id: true,
      eventId: true,
      organizationId: true,
      payloadHash: true,
      document: true,
      recordTime: true,
    },
  });
  if (rows.length === 0) return [];
  const anchors = await db.ledgerEvent.findMany({
    where: {
      name: "EpcisEventsAnchored",
      payloadHash: { in: rows.map((row) => row.payloadHash as string) },
    },
    select: { payloadHash: true, blockNumber: true, txHash: true, actor: true },
  });
  const anchorOf = new Map(anchors.map((anchor) => [anchor.payloadHash, anchor]));
  const anchored = rows.filter((row) => anchorOf.has(row.payloadHash));
  const verified = await findVerifiedEpcisEvents(db, anchored);
  const byGln = new Map(organizations.map((o) => [o.gln, o.name]));
  const byId = new Map(organizations.map((o) => [o.id, o]));
  const nameOfGln = (gln: string) => byGln.get(gln) ?? `the party with GLN ${gln}`;
  return anchored.map((row) => {
    const anchor = anchorOf.get(row.payloadHash) as (typeof anchors)[number];
    const document = row.document as Json;
    const capturer = byId.get(row.organizationId);
    return {
      id: row.id,
      description: describe(document, capturer?.name ?? "a LotLedger member", nameOfGln),
      blockNumber: anchor.blockNumber,
      txHash: anchor.txHash,
      isVerified: verified.has(row.eventId),
      name: "EpcisEventCaptured",
      actor: anchor.actor,
      recordedAt: row.recordTime,
      payload: payloadOf(document),
      travel: null,
      isCaptured: true,
    };
  });
}

/** The event as LotLedger's payload (where and when for the pages); null if it is not one. */
function payloadOf(document: Json): Record<string, unknown> | null {
  try {
    return fromStandardEvent(document) as unknown as Record<string, unknown>;
  } catch {
    return null;
  }
}
