import { readFileSync } from "node:fs";
import { Ajv } from "ajv";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Member } from "@/lib/auth/session";
import { objectEvent, storeEpcisEvent } from "@/tools/testing/epcis-rows";
import { createLedgerWorld, type LedgerWorld } from "@/tools/testing/ledger-world";
import { exportLotTrail } from "./index";

// A lot's trail as an EPCISDocument on a real ledger: harvest P went to the packer, which split it
// into L and S. L's trail is P and L (its origin and itself), not its sibling S, nor lot U. The
// document holds the app's own rows (the harvest, the shipment, the split, recorded through the
// forms' domain functions) and the rows stored here as a capture would.

const SCHEMA = "../shared/conformance/epcis/schema/epcis-json-schema.json";
const validate = new Ajv({ strict: false }).compile(JSON.parse(readFileSync(SCHEMA, "utf8")));

let ledger: LedgerWorld;
let stranger: Member;
const lots = { p: "", l: "", s: "", u: "" };
const ids: Record<string, string> = {};

beforeAll(async () => {
  ledger = await createLedgerWorld();
  const { farm, packer } = ledger.members;
  stranger = await ledger.addOrganization("RETAILER", "Stranger shop");
  lots.p = await ledger.harvest("EXP-P");
  lots.u = await ledger.harvest("EXP-U");
  await ledger.ship(farm, lots.p, packer);
  [lots.l = "", lots.s = ""] = await ledger.split(packer, lots.p, ["EXP-L", "EXP-S"]);
  const store = (member: Member, lotIds: string[], eventTime: string, bizStep: string) =>
    storeEpcisEvent(ledger.db, {
      organizationId: member.organization.id,
      lotIds,
      event: objectEvent({ eventTime, bizStep }),
    });
  // Stored out of time order: the document is in eventTime order whatever the order of capture.
  ids.lShipped = await store(packer, [lots.l], "2026-05-03T08:00:00Z", "shipping");
  ids.pHarvested = await store(farm, [lots.p], "2026-05-01T08:00:00Z", "commissioning");
  ids.split = await store(packer, [lots.p, lots.l, lots.s], "2026-05-02T08:00:00Z", "transforming");
  ids.sShipped = await store(packer, [lots.s], "2026-05-04T08:00:00Z", "shipping");
  ids.uHarvested = await store(farm, [lots.u], "2026-05-01T09:00:00Z", "commissioning");
}, 180_000);

afterAll(() => ledger?.drop());

describe("exportLotTrail", () => {
  it("is one schema-valid EPCISDocument of the trail's events, in eventTime order", async () => {
    const { filename, body } = await exportLotTrail({
      db: ledger.db,
      member: ledger.members.packer,
      lotId: lots.l,
    });
    const document = JSON.parse(body);
    expect(validate(document), JSON.stringify(validate.errors)).toBe(true);
    expect(document.type).toBe("EPCISDocument");
    const events: { eventID: string; eventTime: string }[] = document.epcisBody.eventList;
    const eventIds = events.map((e) => e.eventID);
    expect(eventIds.filter((id) => Object.values(ids).includes(id))).toEqual([
      ids.pHarvested,
      ids.split,
      ids.lShipped,
    ]);
    const times = events.map((e) => Date.parse(e.eventTime));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    // The app's own rows of P and L (harvest, shipment, split) are in it too.
    const appRows = await ledger.db.epcisEvent.findMany({
      where: { lotIds: { hasSome: [lots.p, lots.l] }, eventId: { notIn: Object.values(ids) } },
      select: { eventId: true },
    });
    expect(appRows.length).toBeGreaterThanOrEqual(3);
    expect(eventIds).toEqual(expect.arrayContaining(appRows.map((r) => r.eventId)));
    expect(eventIds).toHaveLength(3 + appRows.length);
    expect(filename).toMatch(/^epcis-trail-EXP-L-\d{4}-\d{2}-\d{2}\.jsonld$/);
    const audit = await ledger.db.auditEntry.findFirst({ where: { action: "EXPORTED_EPCIS" } });
    expect(audit?.summary).toBe(
      `Downloaded the EPCIS trail of lot EXP-L (${eventIds.length} events) as ${filename}`,
    );
  });

  it("goes forward to every lot made from the lot", async () => {
    const { body } = await exportLotTrail({
      db: ledger.db,
      member: ledger.members.farm,
      lotId: lots.p,
    });
    const eventIds = JSON.parse(body).epcisBody.eventList.map(
      (e: { eventID: string }) => e.eventID,
    );
    expect(eventIds.filter((id: string) => Object.values(ids).includes(id))).toEqual([
      ids.pHarvested,
      ids.split,
      ids.lShipped,
      ids.sShipped,
    ]);
  });

  it("answers a stranger as for a lot LotLedger does not have", async () => {
    await expect(
      exportLotTrail({ db: ledger.db, member: stranger, lotId: lots.l }),
    ).rejects.toThrow(
      "LotLedger has no such lot for your organisation: search for the batch by its GTIN, lot code or a package's serial.",
    );
  });
});
