import { afterAll, beforeAll, expect, it } from "vitest";
import { captureDocument } from "@/lib/epcis-capture";
import { exportLotTrail } from "@/lib/epcis-query";
import { getLotDetail, type TrailEntry } from "@/lib/lots/get-lot-detail";
import { createLedgerWorld, type LedgerWorld } from "@/tools/testing/ledger-world";
import { acceptLot, shipLot } from "@/tools/testing/lot-steps";

// Issue 18, "Round trip": a lot's trail recorded through the app's domain in one LotLedger, exported
// as an EPCIS 2.0 document, captured into another LotLedger (its own database and contract) whose
// only member is the importer: the same events, under the same hash IDs, make the same trail.
// "The same trail" here: the same steps of the lot, in the same order, with the same business step,
// time and place, each verified on the second ledger. Not the same, because the parties do not
// exist there: who did each step on the chain — the importer vouches for the lot (registerReceivedLot:
// no producer) and anchors the others by its capture's Merkle root, so custody stays with it.

let origin: LedgerWorld;
let empty: LedgerWorld;

beforeAll(async () => {
  origin = await createLedgerWorld();
  // No producer, no GTIN prefix, no GLN of the first world: only the importer.
  empty = await createLedgerWorld({ kinds: ["RETAILER"], glnPrefix: "952019" });
});

afterAll(async () => {
  await origin?.drop();
  await empty?.drop();
});

/** What a trail step says happened: its business step, time and place, as its payload records. */
const stepsOf = (trail: TrailEntry[]) =>
  trail.map((entry) => {
    const payload = (entry.payload ?? {}) as Record<string, { id?: string } | string>;
    const where = payload.bizLocation ?? payload.readPoint;
    return {
      bizStep: payload.bizStep,
      eventTime: payload.eventTime,
      where: typeof where === "object" ? where.id : null,
      isVerified: entry.isVerified,
    };
  });

it("exports a lot's trail and captures it into an empty LotLedger: same events, hash IDs and trail", async () => {
  const { farm, packer } = origin.members;
  const lotId = await origin.harvest("RT-1");
  await shipLot(origin.db, farm, { lotId, to: packer });
  await origin.settle();
  // Event times are to the second, as forms record them: the receipt comes a second later.
  await new Promise((resolve) => setTimeout(resolve, 1_100));
  await acceptLot(origin.db, packer, { lotId });
  await origin.settle();
  const exported = await exportLotTrail({ db: origin.db, member: farm, lotId });
  const document = JSON.parse(exported.body);
  const originRows = await origin.db.epcisEvent.findMany({
    where: { lotIds: { has: lotId } },
    orderBy: [{ eventTime: "asc" }, { recordTime: "asc" }, { id: "asc" }],
  });
  expect(originRows.map((row) => row.bizStep)).toEqual(["commissioning", "shipping", "receiving"]);

  const importer = empty.members.retailer;
  const { job } = await captureDocument(empty.db, importer, {
    body: document,
    text: exported.body,
    payloadHash: "0".repeat(64),
    errorBehaviour: "ROLLBACK",
  });
  expect(job.events?.map((e) => [e.status, e.eventId])).toEqual(
    originRows.map((row) => ["accepted", row.eventId]),
  );
  await empty.settle();

  // The same events: each stored under the same hash ID as the same standard event (a captured one
  // keeps the document's @context only when it defines prefixes beyond LotLedger's: not here).
  const copies = await empty.db.epcisEvent.findMany({
    where: { eventId: { in: originRows.map((row) => row.eventId) } },
  });
  const copyOf = new Map(copies.map((row) => [row.eventId, row]));
  for (const row of originRows) {
    const stored = copyOf.get(row.eventId);
    expect(stored?.document).toEqual(row.document);
    expect(stored?.lotIds).toEqual([lotId]);
  }

  // The same trail: the same steps, in order, each verified on the second ledger.
  const [before, after] = await Promise.all([
    getLotDetail({ db: origin.db, member: farm, lotId }),
    getLotDetail({ db: empty.db, member: importer, lotId }),
  ]);
  expect(stepsOf(after?.trail ?? [])).toEqual(stepsOf(before?.trail ?? []));
  expect(stepsOf(after?.trail ?? []).every((step) => step.isVerified)).toBe(true);
  // What cannot be the same: the lot's producer and its holders are not members of the second one.
  expect(before?.producer?.name).toBe("Test farm");
  expect([after?.producer, after?.receivedBy?.name, after?.custodian.name]).toEqual([
    null,
    "Test retailer",
    "Test retailer",
  ]);
});
