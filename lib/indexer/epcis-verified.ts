import "server-only";
import { findStoredPayloads } from "@/lib/chain/payload";
import type { Db } from "@/lib/db/client";
import { eventHashId } from "@/lib/epcis/event-hash";
import { type EpcisCapturePayload, eventIdsRootOf } from "@/lib/epcis/event-id-tree";
import { EPCIS_DOCUMENT_CONTEXT } from "@/lib/epcis/standard-event";

// "Verified on the ledger" for the repository's rows (pages and query answers show it): the row's
// document still hashes to its hash ID, and that ID is on the chain — in the Merkle root that the
// capturing organisation's anchorEvents put there (the payload listing the IDs is intact and gives
// that root), or, for an event with a ledger write of its own, in the payload of an event that
// organisation signed.

export type RepositoryRow = {
  eventId: string;
  organizationId: string;
  payloadHash: string | null;
  document: unknown;
};

/** The hash IDs among `rows` that are verified on the ledger. */
export async function findVerifiedEpcisEvents(
  db: Db,
  rows: readonly RepositoryRow[],
): Promise<Set<string>> {
  const hashes = [...new Set(rows.flatMap((row) => row.payloadHash ?? []))];
  if (hashes.length === 0) return new Set();
  const [ledgerEvents, payloads, organizations] = await Promise.all([
    db.ledgerEvent.findMany({
      where: { payloadHash: { in: hashes } },
      select: { name: true, payloadHash: true, actor: true, args: true },
    }),
    findStoredPayloads(db, hashes),
    db.organization.findMany({
      where: { id: { in: [...new Set(rows.map((row) => row.organizationId))] } },
      select: { id: true, chainAddress: true },
    }),
  ]);
  const signerOf = new Map(organizations.map((o) => [o.id, o.chainAddress.toLowerCase()]));
  const onChainByHash = new Map<string, typeof ledgerEvents>();
  for (const event of ledgerEvents) {
    const hash = event.payloadHash as string;
    onChainByHash.set(hash, [...(onChainByHash.get(hash) ?? []), event]);
  }
  const anchoredIds = new Map<string, Set<string>>();
  const idsUnder = (hash: string, root: unknown): Set<string> => {
    let ids = anchoredIds.get(hash);
    if (!ids) {
      const body = payloads.bodies.get(hash) as EpcisCapturePayload | undefined;
      const listed = body?.type === "EpcisCapture" ? body.eventIds : [];
      ids = new Set(listed.length > 0 && eventIdsRootOf(listed) === root ? listed : []);
      anchoredIds.set(hash, ids);
    }
    return ids;
  };
  const verified = new Set<string>();
  for (const row of rows) {
    const hash = row.payloadHash;
    if (!hash || !payloads.isIntact(hash)) continue;
    const signer = signerOf.get(row.organizationId);
    const onChain = onChainByHash.get(hash)?.find((event) => event.actor.toLowerCase() === signer);
    if (!onChain || !isUnaltered(row)) continue;
    const root = (onChain.args as { root?: unknown }).root;
    if (onChain.name !== "EpcisEventsAnchored" || idsUnder(hash, root).has(row.eventId)) {
      verified.add(row.eventId);
    }
  }
  return verified;
}

function isUnaltered(row: RepositoryRow): boolean {
  try {
    // An event stored without a @context of its own was captured or rendered under LotLedger's.
    const document = row.document as Record<string, unknown>;
    return eventHashId(document, document["@context"] ?? EPCIS_DOCUMENT_CONTEXT) === row.eventId;
  } catch {
    return false;
  }
}
