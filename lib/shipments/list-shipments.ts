import "server-only";
import type { Member } from "@/lib/auth/session";
import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { documentTypeLabel } from "@/lib/epcis/kde";
import { shipmentPartiesOf } from "@/lib/epcis/shipment";
import { findOrganizationNames } from "@/lib/home";
import { findQueuedShipments } from "./queued-shipment";
import { shippedUnitsOf } from "./shipment-record";

/** A shipment as the lists show it. */
export type ShipmentListItem = {
  reference: string;
  /** The other party: who sent it (incoming), or who it goes to (sent). */
  party: string;
  palletCount: number;
  lotCount: number;
  document: string | null;
  state: string;
  /** Something of it is still waiting for the member's organisation to answer. */
  isAwaitingAnswer: boolean;
};

type Row = {
  reference: string | null;
  sender: string;
  recipient: string;
  lotIds: string[];
  answer: string | null;
  payloadHash: string | null;
  open: number;
};

const LIST_SIZE = 30;

/**
 * The member organisation's shipments, newest first: incoming (handed to it on the ledger) and sent
 * (its own, those still waiting for the ledger first). One query per list, one for the payloads.
 */
export async function listShipments({
  db,
  member,
}: {
  db: Db;
  member: Member;
}): Promise<{ incoming: ShipmentListItem[]; sent: ShipmentListItem[] }> {
  const me = member.organization.chainAddress;
  const [incoming, sent, queued, names] = await Promise.all([
    findRows(db, Prisma.sql`s.recipient = ${me}`),
    findRows(db, Prisma.sql`s.sender = ${me}`),
    findQueuedShipments(db, { organizationId: member.organization.id }),
    findOrganizationNames(db),
  ]);
  const payloads = await db.eventPayload.findMany({
    where: {
      hash: { in: [...incoming, ...sent].flatMap((r) => (r.payloadHash ? [r.payloadHash] : [])) },
    },
    select: { hash: true, body: true },
  });
  const item = (row: Row, side: "incoming" | "sent", body: unknown): ShipmentListItem => {
    const parties = shipmentPartiesOf(body);
    const [document] = parties?.documents ?? [];
    const lotCount = row.lotIds.length;
    return {
      reference: row.reference ?? "",
      party:
        side === "incoming"
          ? (names.byGln(parties?.shipperGln) ?? names.byAddress(row.sender))
          : (names.byGln(parties?.recipientGln) ?? names.byAddress(row.recipient)),
      palletCount: shippedUnitsOf(body as never).length,
      lotCount,
      document: document ? `${documentTypeLabel(document.type)} ${document.number}` : null,
      state: stateOf(row, lotCount),
      isAwaitingAnswer: side === "incoming" && row.open > 0,
    };
  };
  const bodyOf = (row: Row) => payloads.find((p) => p.hash === row.payloadHash)?.body ?? null;
  return {
    incoming: incoming.map((row) => item(row, "incoming", bodyOf(row))),
    sent: [
      ...queued
        .map((q) =>
          item({ ...q, sender: me, answer: null, payloadHash: null, open: 0 }, "sent", q.payload),
        )
        .map((shown, i) => ({
          ...shown,
          state:
            queued[i]?.status === "FAILED" ? "Refused by the ledger" : "Waiting for the ledger",
        })),
      ...sent.map((row) => item(row, "sent", bodyOf(row))),
    ],
  };
}

function stateOf(row: Row, lotCount: number): string {
  if (row.answer === "ACCEPTED") return "Received";
  if (row.answer === "REJECTED") return "Refused";
  if (row.open === lotCount) return "On its way";
  if (row.open === 0) return "Answered lot by lot";
  return `${row.open} of ${lotCount} lots on their way`;
}

/** Shipments chosen by `where` (over "Shipment" s), with how many lots are still on their way. */
function findRows(db: Db, where: Prisma.Sql): Promise<Row[]> {
  return db.$queryRaw<Row[]>`
    SELECT s.reference, s.sender, s.recipient, s."lotIds", s.answer, s."payloadHash",
      (SELECT count(*) FROM "Lot" l WHERE l.id = ANY(s."lotIds")
        AND l.status = 'IN_TRANSIT' AND l.recipient = s.recipient)::int AS open
    FROM "Shipment" s
    WHERE ${where} AND s.reference IS NOT NULL
    ORDER BY s."blockNumber" DESC, s.number DESC
    LIMIT ${LIST_SIZE}`;
}
