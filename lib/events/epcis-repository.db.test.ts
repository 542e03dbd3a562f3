import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lotEpcClass } from "@/lib/epcis/event";
import { eventHashId } from "@/lib/epcis/event-hash";
import { EPCIS_DOCUMENT_CONTEXT, toStandardEvent } from "@/lib/epcis/standard-event";
import { AppError } from "@/lib/errors";
import { countRows } from "@/tools/testing/database-text";
import { createLedgerWorld, type LedgerWorld } from "@/tools/testing/ledger-world";
import { TEST_GTIN as GTIN, harvestValues } from "@/tools/testing/lot-steps";
import { queueTrackingEvent } from "./record-event";

// Issue 18: an event recorded in the app joins the EPCIS repository under its CBV 2.0 hash ID in
// the transaction that queues its ledger write, indexed as a captured event would be.

let world: LedgerWorld;

beforeAll(async () => {
  world = await createLedgerWorld();
});

afterAll(async () => {
  await world.drop();
});

async function repositoryRowOf(lotId: string, bizStep: string) {
  const rows = await world.db.epcisEvent.findMany({ where: { lotIds: { has: lotId }, bizStep } });
  expect(rows).toHaveLength(1);
  const row = rows[0] as (typeof rows)[number];
  const write = await world.db.ledgerTransaction.findUniqueOrThrow({
    where: { id: row.ledgerTransactionId ?? "" },
  });
  const payload = await world.db.eventPayload.findUniqueOrThrow({
    where: { hash: write.payloadHash ?? "" },
  });
  return { row, write, payload };
}

describe("an event recorded through a form", () => {
  it("is in the EPCIS repository under the hash ID of its standard event", async () => {
    const lotId = await world.harvest("REPO-1");
    const { row, write, payload } = await repositoryRowOf(lotId, "commissioning");

    const standard = toStandardEvent(payload.body as never);
    expect(row.eventId).toMatch(/^ni:\/\/\/sha-256;[0-9a-f]{64}\?ver=CBV2\.0$/);
    expect(row.eventId).toBe(standard.eventID);
    // The stored document hashes to its own ID, so a query answers what an exporter re-checks.
    expect(eventHashId(row.document as never, EPCIS_DOCUMENT_CONTEXT)).toBe(row.eventId);
    expect(row).toMatchObject({
      organizationId: world.members.farm.organization.id,
      payloadHash: write.payloadHash,
      type: "ObjectEvent",
      action: "ADD",
      disposition: "active",
      epcClasses: [lotEpcClass(GTIN, "REPO-1")],
      lotIds: [lotId],
      isErrorDeclaration: false,
      captureJobId: null,
    });
    expect(row.document).toMatchObject({ "lotledger:cte": "harvesting" });
  });

  it("is indexed by where it went and which lot it moved when the lot ships", async () => {
    const lotId = await world.harvest("REPO-2");
    await world.ship(world.members.farm, lotId, world.members.packer);
    const shipped = await repositoryRowOf(lotId, "shipping");
    expect(shipped.row.organizationId).toBe(world.members.farm.organization.id);
    expect(shipped.row.document).toMatchObject({ "lotledger:cte": "shipping" });
    const received = await repositoryRowOf(lotId, "receiving");
    expect(received.row.organizationId).toBe(world.members.packer.organization.id);
    expect(received.row.eventId).not.toBe(shipped.row.eventId);
  });

  it("names every lot a split concerns, so each one's viewers may see it", async () => {
    const lotId = await world.harvest("REPO-3");
    const parts = await world.split(world.members.farm, lotId, ["REPO-3A", "REPO-3B"]);
    const { row } = await repositoryRowOf(lotId, "repackaging");
    expect(row.type).toBe("TransformationEvent");
    expect(row.lotIds).toEqual([lotId, ...parts].sort());
    expect(row.epcClasses).toEqual(
      ["REPO-3", "REPO-3A", "REPO-3B"].map((code) => lotEpcClass(GTIN, code)),
    );
  });

  it("is not in the repository when the form is refused: nothing is half-written", async () => {
    const tables = ["LedgerTransaction", "EventPayload", "EpcisEvent"];
    const before = await countRows(world.db, tables);
    const values = await harvestValues(world.db, world.members.farm, {
      lotCode: "REPO-2",
      nextHolder: world.members.packer,
    });
    const error = await queueTrackingEvent({
      db: world.db,
      member: world.members.farm,
      cte: "harvesting",
      values,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toBe(
      `Lot REPO-2 of GTIN ${GTIN} is already on the ledger: give a new batch a new lot code.`,
    );
    expect(await countRows(world.db, tables)).toEqual(before);
  });
});
