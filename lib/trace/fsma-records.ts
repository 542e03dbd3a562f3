import "server-only";
import { findStoredPayloads, type Verdict } from "@/lib/chain/payload";
import type { Db } from "@/lib/db/client";
import { getPlaceDirectory } from "@/lib/organizations";
import { findCapturedRecords } from "./fsma-captured";
import {
  CTE_EVENT_NAMES,
  type FsmaLot,
  isShippedPart,
  type LedgerEventRow,
  type LotFacts,
  lotFacts,
  type Verification,
} from "./fsma-facts";
import { type FsmaRecord, fsmaRecord } from "./fsma-record";

/**
 * The critical tracking events of these lots, in chain order, each with its key data elements and
 * whether its stored record still hashes to the value on the ledger; an altered or missing record
 * is still exported, and marked, since the FDA asks for every record. What both FDA spreadsheets
 * (the CSV and the workbook) are written from.
 */
export async function findFsmaRecords(options: {
  db: Db;
  lots: Map<string, FsmaLot>;
  /** The stem of each TLC source reference (the lot's Digital Link). */
  appUrl: string;
}): Promise<FsmaRecord[]> {
  const { db, lots, appUrl } = options;
  const ids = [...lots.keys()];
  const [events, links, signers, places, captured] = await Promise.all([
    db.ledgerEvent.findMany({
      where: { lotId: { in: ids }, name: { in: CTE_EVENT_NAMES } },
      orderBy: [{ blockNumber: "asc" }, { txIndex: "asc" }, { logIndex: "asc" }],
      select: {
        lotId: true,
        name: true,
        actor: true,
        payloadHash: true,
        args: true,
        txHash: true,
        blockNumber: true,
      },
    }),
    db.lotLineage.findMany({
      where: { childId: { in: ids } },
      select: { childId: true, parent: { select: { id: true, gtin: true, lotCode: true } } },
    }),
    db.organization.findMany({ select: { chainAddress: true, gln: true } }),
    getPlaceDirectory({ db }),
    findCapturedRecords(db, ids),
  ]);
  const payloads = await findStoredPayloads(
    db,
    events.map((event) => event.payloadHash),
  );
  const bodyOf = (event: LedgerEventRow) =>
    event.payloadHash ? payloads.bodies.get(event.payloadHash) : undefined;
  const glns = new Map(signers.map((o) => [o.chainAddress, o.gln]));
  const verificationOf = (event: LedgerEventRow): Verification =>
    VERIFICATIONS[payloads.verdictOf(event, glns.get(event.actor) ?? null)];

  const creations = new Map(
    events
      .filter((event) => ["LotCreated", "LotDerived", "LotReceived"].includes(event.name))
      .map((event) => [event.lotId, bodyOf(event)]),
  );
  const parents = new Map<string, { id: string; gtin: string; lotCode: string }[]>();
  for (const link of links) {
    parents.set(link.childId, [...(parents.get(link.childId) ?? []), link.parent]);
  }
  const facts = lotFacts(lots, creations, parents, appUrl);
  // Shipping part of a lot registers the part and the remainder with the shipping payload: not a CTE
  // of their own; the part's shipping row is its LotHandedOff.
  const rows = events
    .filter((event) => !(event.name === "LotDerived" && isShippedPart(bodyOf(event))))
    .map((event) => ({ event, body: bodyOf(event), verification: verificationOf(event) }));
  // Captured steps in the block of their anchor; the sort is stable, so chain order stays.
  return [...rows, ...captured]
    .sort((a, b) => a.event.blockNumber - b.event.blockNumber)
    .map(({ event, body, verification }) =>
      fsmaRecord(event, facts.get(event.lotId) as LotFacts, body, verification, places),
    );
}

const VERIFICATIONS: Record<Verdict, Verification> = {
  verified: "yes",
  missing: "no: record missing",
  altered: "no: record altered",
  "another lot": "no: record of another lot",
  "another party": "no: recorded by another organisation",
};
