import { readFileSync } from "node:fs";
import { Ajv } from "ajv";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Member } from "@/lib/auth/session";
import { lotEpcClass } from "@/lib/epcis/event";
import { AppError } from "@/lib/errors";
import { objectEvent, storeEpcisEvent } from "@/tools/testing/epcis-rows";
import { createLedgerWorld, GTIN, type LedgerWorld } from "@/tools/testing/ledger-world";
import { eventVisibility } from "./caller-visibility";
import { getEpcisEvent, listEpcisValues, queryEpcisEvents } from "./index";
import { findVisibleLotSet } from "./visible-lots";

// GET /epcis/events on the repository table and a real ledger: the farm harvested lot P and shipped
// it to the packer; the stranger shop had no part in it. Who sees which event follows who may see P.

const SCHEMA = "../shared/conformance/epcis/schema/epcis-json-schema.json";
const validate = new Ajv({ strict: false }).compile(JSON.parse(readFileSync(SCHEMA, "utf8")));
const EPC = "https://id.gs1.org/01/09520123456788/21/Q1";
const APP = "http://lotledger.test";

let ledger: LedgerWorld;
let stranger: Member;
const ids: Record<string, string> = {};

// The test's own events are in May 2026; the app's own rows of the harvest and the shipment are not.
const MAY = "LT_eventTime=2026-06-01T00:00:00Z";
const query = async (member: Member, search: string) =>
  queryEpcisEvents({ db: ledger.db, member, url: new URL(`/epcis/events?${search}`, APP) });
const eventIdsOf = (body: Awaited<ReturnType<typeof query>>["body"]) =>
  body.epcisBody.queryResults.resultsBody.eventList.map((e) => String(e.eventID));

beforeAll(async () => {
  ledger = await createLedgerWorld();
  const { farm, packer } = ledger.members;
  stranger = await ledger.addOrganization("RETAILER", "Stranger shop");
  const lotP = await ledger.harvest("QRY-P");
  await ledger.ship(farm, lotP, packer);
  const lotClass = lotEpcClass(GTIN, "QRY-P");
  const store = (member: Member, event: Record<string, unknown>, lotIds: string[] = []) =>
    storeEpcisEvent(ledger.db, { organizationId: member.organization.id, lotIds, event });
  ids.commissioned = await store(
    farm,
    objectEvent({
      eventTime: "2026-05-01T08:00:00Z",
      bizStep: "commissioning",
      disposition: "active",
      epcs: [EPC],
      lotClass,
    }),
    [lotP],
  );
  ids.shipped = await store(
    farm,
    objectEvent({
      eventTime: "2026-05-02T08:00:00Z",
      bizStep: "https://ref.gs1.org/cbv/BizStep-shipping",
      epcs: [EPC],
      lotClass,
    }),
    [lotP],
  );
  ids.received = await store(
    packer,
    objectEvent({
      eventTime: "2026-05-03T08:00:00Z",
      bizStep: "receiving",
      disposition: "in_progress",
      epcs: [EPC],
    }),
    [lotP],
  );
  ids.strangers = await store(
    stranger,
    objectEvent({ eventTime: "2026-05-02T12:00:00Z", epcs: [EPC] }),
  );
  ids.farmsOwn = await store(
    farm,
    objectEvent({ eventTime: "2026-05-04T08:00:00Z", bizStep: "storing" }),
  );
}, 180_000);

afterAll(() => ledger?.drop());

describe("GET /epcis/events", () => {
  it("answers MATCH_epc with the events on lots the caller may see, in eventTime order", async () => {
    const { packer } = ledger.members;
    const { body } = await query(packer, `MATCH_epc=${encodeURIComponent(EPC)}`);
    expect(eventIdsOf(body)).toEqual([ids.commissioned, ids.shipped, ids.received]);
    expect(validate(body), JSON.stringify(validate.errors)).toBe(true);
    expect(body.type).toBe("EPCISQueryDocument");
  });

  it("shows a stranger only its own events, and a regulator every one", async () => {
    const { body: strangers } = await query(stranger, `MATCH_epc=${encodeURIComponent(EPC)}`);
    expect(eventIdsOf(strangers)).toEqual([ids.strangers]);
    const { body: all } = await query(ledger.members.regulator, MAY);
    expect(eventIdsOf(all)).toHaveLength(5);
  });

  it("compares bizStep and disposition as CBV words, whichever form the event or the query used", async () => {
    const { farm } = ledger.members;
    const byWord = await query(farm, `EQ_bizStep=shipping&${MAY}`);
    expect(eventIdsOf(byWord.body)).toEqual([ids.shipped]);
    const byUri = await query(
      farm,
      `EQ_disposition=${encodeURIComponent("https://ref.gs1.org/cbv/Disp-in_progress")}&${MAY}`,
    );
    expect(eventIdsOf(byUri.body)).toEqual([ids.received]);
  });

  it("filters by time windows, epcClass and eventID", async () => {
    const { farm } = ledger.members;
    const window = await query(
      farm,
      "GE_eventTime=2026-05-02T00:00:00Z&LT_eventTime=2026-05-04T00:00:00Z",
    );
    expect(eventIdsOf(window.body)).toEqual([ids.shipped, ids.received]);
    const byClass = await query(
      farm,
      `MATCH_epcClass=${encodeURIComponent(lotEpcClass(GTIN, "QRY-P"))}&${MAY}`,
    );
    expect(eventIdsOf(byClass.body)).toEqual([ids.commissioned, ids.shipped]);
    const byId = await query(farm, `EQ_eventID=${encodeURIComponent(ids.received as string)}`);
    expect(eventIdsOf(byId.body)).toEqual([ids.received]);
  });

  it("pages with perPage and a nextPageToken in the Link header, never repeating or skipping an event", async () => {
    const { regulator } = ledger.members;
    let search = `perPage=2&orderDirection=DESC&${MAY}`;
    const seen: string[] = [];
    for (let pages = 0; pages < 5; pages++) {
      const { body, headers } = await query(regulator, search);
      seen.push(...eventIdsOf(body));
      if (!headers.link) break;
      const next = /^<([^>]+)>; rel="next"$/.exec(headers.link)?.[1] as string;
      expect(next.startsWith(`${APP}/epcis/events?`)).toBe(true);
      search = new URL(next).search.slice(1);
    }
    expect(seen).toEqual([
      ids.farmsOwn,
      ids.received,
      ids.strangers,
      ids.shipped,
      ids.commissioned,
    ]);
  });
});

describe("GET /epcis/events/{eventID} and the listings", () => {
  it("answers one event to who may see it, and not-found to anyone else", async () => {
    const eventId = ids.shipped as string;
    const found = await getEpcisEvent({ db: ledger.db, member: ledger.members.packer, eventId });
    expect(found.epcisBody.queryResults.resultsBody.eventList[0]?.eventID).toBe(eventId);
    const refusal = await getEpcisEvent({ db: ledger.db, member: stranger, eventId }).catch(
      (e) => e,
    );
    expect(refusal).toBeInstanceOf(AppError);
    expect(refusal.message).toBe(
      "No event with this eventID is on LotLedger for your organisation: check the hash ID (URL-encoded) or query /epcis/events.",
    );
  });

  it("lists the bizSteps and EPCs of visible events only", async () => {
    const list = (member: Member, listing: "bizSteps" | "epcs") =>
      listEpcisValues({ db: ledger.db, member, listing, perPage: 30, token: null });
    expect((await list(ledger.members.packer, "bizSteps")).member).toEqual([
      "commissioning",
      "receiving",
      "shipping",
    ]);
    expect((await list(stranger, "bizSteps")).member).toEqual(["shipping"]);
    expect((await list(stranger, "epcs")).member).toEqual([EPC]);
    const firstPage = await listEpcisValues({
      db: ledger.db,
      member: ledger.members.farm,
      listing: "bizSteps",
      perPage: 2,
      token: null,
    });
    expect(firstPage.member).toEqual(["commissioning", "receiving"]);
    const secondPage = await listEpcisValues({
      db: ledger.db,
      member: ledger.members.farm,
      listing: "bizSteps",
      perPage: 2,
      token: firstPage.nextPageToken,
    });
    expect(secondPage).toEqual({ member: ["shipping", "storing"], nextPageToken: null });
  });
});

describe("the two forms of the visibility rule", () => {
  it("agree: the organisation's lot set (queries) and the rule asked per lot (very large sets)", async () => {
    const rows = await ledger.db.epcisEvent.findMany({
      select: { id: true, organizationId: true, lotIds: true },
    });
    const { farm, packer, carrier, regulator } = ledger.members;
    for (const member of [farm, packer, carrier, regulator, stranger]) {
      const byRule = await eventVisibility({ db: ledger.db, member }).filter(rows);
      const lotSet = new Set(await findVisibleLotSet(ledger.db, member));
      const bySet =
        member === regulator
          ? rows
          : rows.filter(
              (r) =>
                r.organizationId === member.organization.id || r.lotIds.some((l) => lotSet.has(l)),
            );
      expect(bySet.map((r) => r.id).sort(), member.organization.name).toEqual(
        byRule.map((r) => r.id).sort(),
      );
    }
    expect((await eventVisibility({ db: ledger.db, member: carrier }).filter(rows)).length).toBe(0);
  });
});
