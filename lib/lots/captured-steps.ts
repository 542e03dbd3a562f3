import "server-only";
import type { Db } from "@/lib/db/client";
import { glnOf } from "@/lib/epcis/event";
import { cbvWord } from "@/lib/epcis/event-index";
import { fromStandardEvent } from "@/lib/epcis/standard-event";
import { findAnchoredCaptures } from "@/lib/indexer/anchored-captures";
import type { TrailEntry } from "./get-lot-detail";

// Captured EPCIS events with no ledger event of their own join the lot's trail once their capture's
// root is indexed (lib/indexer/anchored-captures.ts), verified by their Merkle proof, described in
// words: who shipped or received, captured by whom.

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
  const captures = await findAnchoredCaptures(db, [lotId]);
  const byGln = new Map(organizations.map((o) => [o.gln, o.name]));
  const byId = new Map(organizations.map((o) => [o.id, o]));
  const nameOfGln = (gln: string) => byGln.get(gln) ?? `the party with GLN ${gln}`;
  return captures.map((capture) => {
    const document = capture.document as Json;
    const capturer = byId.get(capture.organizationId);
    return {
      id: capture.id,
      description: describe(document, capturer?.name ?? "a LotLedger member", nameOfGln),
      blockNumber: capture.anchor.blockNumber,
      txHash: capture.anchor.txHash,
      isVerified: capture.isVerified,
      name: "EpcisEventCaptured",
      actor: capture.anchor.actor,
      recordedAt: capture.recordTime,
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
