import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Member } from "@/lib/auth/session";
import { createLedgerWorld, type LedgerWorld } from "@/tools/testing/ledger-world";
import { TEST_GTIN } from "@/tools/testing/lot-steps";
import { commissioning } from "@/tools/testing/partner-events";
import { captureDocument, captureEvent } from "./capture-document";
import { runNextCaptureJob } from "./capture-worker";
import { MAX_CAPTURE_EVENTS, SYNC_EVENTS } from "./limits";
import type { CaptureRequest } from "./read-capture-request";

// Capture's rules on a real database: rollback keeps nothing of a document with a refused event,
// proceed keeps the rest; an event is stored once (a duplicate in the document or in the store is
// reported, a single one is a 409) except an error declaration, which corrects it; a large document
// is a capture job the worker runs from the database, so it survives a restart.

const CONTEXT = ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"];
let serial = 0;
const observation = (overrides: Record<string, unknown> = {}) => ({
  type: "ObjectEvent",
  action: "OBSERVE",
  eventTime: "2026-03-01T10:00:00.000+01:00",
  eventTimeZoneOffset: "+01:00",
  epcList: [`urn:epc:id:sgtin:0614141.107346.${++serial}`],
  bizStep: "inspecting",
  ...overrides,
});
const documentOf = (events: object[]) => ({
  "@context": CONTEXT,
  type: "EPCISDocument",
  schemaVersion: "2.0",
  creationDate: "2026-03-01T10:00:00.000+01:00",
  epcisBody: { eventList: events },
});
const request = (body: unknown, errorBehaviour: "ROLLBACK" | "PROCEED" = "ROLLBACK") =>
  ({
    body,
    text: JSON.stringify(body),
    payloadHash: "ab".repeat(32),
    errorBehaviour,
  }) satisfies CaptureRequest;

let world: LedgerWorld;
let member: Member;
beforeAll(async () => {
  world = await createLedgerWorld();
  member = world.members.packer;
  // The worker finds the member a queued job acts for among the users, as it would after a restart.
  await world.db.user.create({
    data: {
      id: member.userId,
      name: member.name,
      email: member.email,
      role: member.role,
      organizationId: member.organization.id,
    },
  });
});
afterAll(async () => {
  await world.drop();
});

async function anchorsOf(captureJob: string) {
  const payloads = await world.db.eventPayload.findMany({
    where: { body: { path: ["captureJob"], equals: captureJob } },
  });
  return world.db.ledgerTransaction.findMany({
    where: { method: "anchorEvents", payloadHash: { in: payloads.map((p) => p.hash) } },
  });
}

describe("capturing a document", () => {
  it("rollback: a refused event keeps the whole document out, and every event is reported", async () => {
    const events = [observation(), observation({ bizStep: "teleporting" }), observation()];
    const { status, job } = await captureDocument(world.db, member, request(documentOf(events)));
    expect(status).toBe(200);
    expect(job).toMatchObject({
      running: false,
      success: false,
      rejectedCount: 3,
      acceptedCount: 0,
    });
    expect(job.stored).toBe(
      "Nothing of this document was stored: 1 event of 3 was refused and GS1-Capture-Error-Behaviour is rollback; correct the events named in errors and send the document again, or send it with GS1-Capture-Error-Behaviour: proceed.",
    );
    expect(job.errors).toEqual([
      expect.objectContaining({
        eventIndex: 1,
        field: "/bizStep",
        detail:
          "“bizStep” is “teleporting”, which is neither a CBV business step (e.g. shipping, receiving) nor a URI of your own outside the CBV namespaces: use one of those.",
      }),
    ]);
    expect(job.events?.[0]).toMatchObject({
      status: "rejected",
      reason:
        "Valid, but not stored: event 1 of this document was refused and GS1-Capture-Error-Behaviour is rollback.",
    });
    expect(await world.db.epcisEvent.count({ where: { captureJobId: job.captureID } })).toBe(0);
    expect(await anchorsOf(job.captureID)).toEqual([]);
  });

  it("proceed: the valid events are stored under one anchor, the refused one reported", async () => {
    const events = [observation(), observation({ eventTime: "yesterday" }), observation()];
    const { status, job } = await captureDocument(
      world.db,
      member,
      request(documentOf(events), "PROCEED"),
    );
    expect(status).toBe(201);
    expect(job).toMatchObject({ success: false, acceptedCount: 2, rejectedCount: 1 });
    expect(job.stored).toBe(
      "2 events stored and queued for the ledger, 0 duplicates already stored, 1 rejected.",
    );
    const rows = await world.db.epcisEvent.findMany({ where: { captureJobId: job.captureID } });
    expect(rows).toHaveLength(2);
    const [anchor] = await anchorsOf(job.captureID);
    expect(anchor?.args).toEqual([
      expect.stringMatching(/^0x[0-9a-f]{64}$/),
      "2",
      anchor?.payloadHash,
    ]);
    expect(rows.every((row) => row.ledgerTransactionId === anchor?.id)).toBe(true);
  });

  it("rollback: a refusal of the ledger's rules also keeps nothing, its anchor and rows included", async () => {
    const { retailer } = world.members;
    const writesBefore = await world.db.ledgerTransaction.count();
    const events = [observation(), commissioning("BRAND-9", TEST_GTIN)];
    const { job } = await captureDocument(world.db, retailer, request(documentOf(events)));
    expect(job).toMatchObject({ success: false, rejectedCount: 2, acceptedCount: 0 });
    expect(job.errors).toEqual([
      expect.objectContaining({
        eventIndex: 1,
        field: "/quantityList/0/epcClass",
        detail: `Test retailer has no GS1 company prefix registered on LotLedger, so it cannot register lots of GTIN ${TEST_GTIN}: ask your LotLedger administrator to register your organisation's prefix.`,
      }),
    ]);
    expect(await world.db.epcisEvent.count({ where: { captureJobId: job.captureID } })).toBe(0);
    expect(await world.db.ledgerTransaction.count()).toBe(writesBefore);

    const proceed = await captureDocument(
      world.db,
      retailer,
      request(documentOf(events), "PROCEED"),
    );
    expect(proceed.job.events?.map((e) => e.status)).toEqual(["accepted", "rejected"]);
    expect(
      await world.db.epcisEvent.count({ where: { captureJobId: proceed.job.captureID } }),
    ).toBe(1);
  });

  it("reports an event twice in a document, or already stored, as a duplicate", async () => {
    const event = observation();
    const first = await captureDocument(world.db, member, request(documentOf([event, event])));
    expect(first.job.events?.map((e) => e.status)).toEqual(["accepted", "duplicate"]);
    expect(first.job.events?.[1]?.reason).toBe(
      "The same event as event 0 of this document (same hash ID).",
    );
    const again = await captureDocument(world.db, member, request(documentOf([event])));
    expect(again).toMatchObject({ status: 200, job: { success: true, duplicateCount: 1 } });
  });

  it("refuses a document that is too large, or whose context it has no copy of", async () => {
    const huge = documentOf(Array.from({ length: MAX_CAPTURE_EVENTS + 1 }, () => ({})));
    await expect(captureDocument(world.db, member, request(huge))).rejects.toMatchObject({
      code: "PAYLOAD_TOO_LARGE",
      message:
        "The document has 25,001 events, more than the 25,000 a capture takes (GS1-EPCIS-Capture-Limit): split it into several documents.",
    });
    const remote = { ...documentOf([observation()]), "@context": ["https://x.example/c.jsonld"] };
    await expect(captureDocument(world.db, member, request(remote))).rejects.toMatchObject({
      code: "INVALID_INPUT",
      field: "/@context",
    });
  });

  it("runs a large document as a job that waits in the database for the worker", async () => {
    const events = Array.from({ length: SYNC_EVENTS + 1 }, () => observation());
    const { status, job } = await captureDocument(world.db, member, request(documentOf(events)));
    expect(status).toBe(202);
    expect(job).toMatchObject({ running: true, success: true, eventCount: SYNC_EVENTS + 1 });
    // Nothing runs it until a worker does: as after a restart, the job and its document wait.
    const waiting = await world.db.epcisCaptureJob.findUniqueOrThrow({
      where: { id: job.captureID },
    });
    expect(waiting).toMatchObject({ status: "RUNNING", document: expect.anything() });
    expect(await runNextCaptureJob(world.db)).toBe(true);
    const done = await world.db.epcisCaptureJob.findUniqueOrThrow({ where: { id: job.captureID } });
    expect(done).toMatchObject({
      status: "SUCCESS",
      acceptedCount: SYNC_EVENTS + 1,
      document: null,
    });
    expect(await world.db.epcisEvent.count({ where: { captureJobId: job.captureID } })).toBe(
      SYNC_EVENTS + 1,
    );
    expect(await runNextCaptureJob(world.db)).toBe(false);
  });
});

describe("capturing one event", () => {
  it("stores it, answers 409 the second time, and applies an error declaration of it", async () => {
    const event = { "@context": CONTEXT, ...observation() };
    const { eventId } = await captureEvent(world.db, member, request(event));
    await expect(captureEvent(world.db, member, request(event))).rejects.toMatchObject({
      code: "CONFLICT",
      message: "Already captured: LotLedger holds this event (same hash ID).",
    });
    const declaration = {
      ...event,
      errorDeclaration: {
        declarationTime: "2026-03-02T10:00:00.000+01:00",
        reason: "incorrect_data",
      },
    };
    expect((await captureEvent(world.db, member, request(declaration))).eventId).toBe(eventId);
    const row = await world.db.epcisEvent.findUniqueOrThrow({ where: { eventId } });
    expect(row).toMatchObject({
      isErrorDeclaration: true,
      document: { errorDeclaration: expect.anything() },
    });
    await expect(captureEvent(world.db, member, request(declaration))).rejects.toMatchObject({
      code: "CONFLICT",
    });
  });

  it("refuses another organisation's error declaration of an event", async () => {
    const event = { "@context": CONTEXT, ...observation() };
    await captureEvent(world.db, member, request(event));
    const declaration = { ...event, errorDeclaration: { declarationTime: "2026-03-02T10:00:00Z" } };
    await expect(
      captureEvent(world.db, world.members.retailer, request(declaration)),
    ).rejects.toMatchObject({
      code: "INVALID_INPUT",
      field: "/errorDeclaration",
      message:
        "This error declaration corrects an event another organisation captured: only that organisation can declare its event in error.",
    });
  });
});
